package dev.aidigest.command;

import dev.aidigest.channel.Reply.Span;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Turns the inline markdown of a summary ({@code **bold**}, links) into {@link Span}s by walking
 * commonmark's AST, so each channel escapes plain text itself instead of trusting markdown.
 */
public final class InlineMarkdown {

    private final Parser parser = Parser.builder().build();

    public List<Span> spans(String markdown) {
        List<Span> out = new ArrayList<>();
        parser.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            private int bold;
            private String url;

            @Override
            public void visit(Text text) {
                out.add(new Span(text.getLiteral(), bold > 0, url));
            }

            @Override
            public void visit(Code code) {
                out.add(new Span(code.getLiteral(), bold > 0, url));
            }

            // Summaries are text, not HTML: a literal <tag> stays visible and is escaped by the channel.
            @Override
            public void visit(HtmlInline html) {
                out.add(new Span(html.getLiteral(), bold > 0, url));
            }

            @Override
            public void visit(HtmlBlock html) {
                out.add(new Span(html.getLiteral(), bold > 0, url));
            }

            @Override
            public void visit(SoftLineBreak b) {
                out.add(Span.plain(" "));
            }

            @Override
            public void visit(HardLineBreak b) {
                out.add(Span.plain(" "));
            }

            @Override
            public void visit(StrongEmphasis s) {
                bold++;
                visitChildren(s);
                bold--;
            }

            @Override
            public void visit(Link link) {
                url = link.getDestination();
                visitChildren(link);
                url = null;
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
            }
        });
        return merge(out);
    }

    /** Adjacent spans with the same style become one, so renderers emit fewer tags. */
    private static List<Span> merge(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty()) {
                Span last = out.get(out.size() - 1);
                if (last.bold() == s.bold() && java.util.Objects.equals(last.url(), s.url())) {
                    out.set(out.size() - 1, new Span(last.text() + s.text(), s.bold(), s.url()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }
}
