package dev.aidigest.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an HTML fragment (feed descriptions), with its links and images. Block
 * elements and {@code <br>} become line breaks, because a tweet's or a post's paragraphs matter
 * to the reader and to the summarizer; everything else (scripts, styles, attributes) is dropped.
 */
record HtmlText(String text, List<String> links, List<String> media) {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "blockquote",
            "pre",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "figure",
            "hr");

    static HtmlText of(String html) {
        if (html == null || html.isBlank()) {
            return new HtmlText("", List.of(), List.of());
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, iframe, object, embed").remove();
        StringBuilder text = new StringBuilder();
        Set<String> links = new LinkedHashSet<>();
        Set<String> media = new LinkedHashSet<>();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e) {
                    collect(e, links, media);
                    if (BLOCKS.contains(e.normalName())) {
                        text.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !"br".equals(e.normalName())) {
                    text.append('\n');
                }
            }
        });
        return new HtmlText(tidy(text.toString()), new ArrayList<>(links), new ArrayList<>(media));
    }

    private static void collect(Element e, Set<String> links, Set<String> media) {
        String name = e.normalName();
        if ("a".equals(name)) {
            String href = e.attr("href").strip();
            if (href.startsWith("http://") || href.startsWith("https://")) {
                links.add(href);
            }
        } else if ("img".equals(name) || "video".equals(name) || "source".equals(name)) {
            String src = e.hasAttr("src") ? e.attr("src") : e.attr("poster");
            if (src.startsWith("http://") || src.startsWith("https://")) {
                media.add(src.strip());
            }
        }
    }

    /** Spaces collapsed inside lines, at most one empty line between paragraphs. */
    static String tidy(String s) {
        String[] lines = s.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            // \p{Zs} takes in the no-break and en/em spaces feeds use (&nbsp; &ensp;)
            String l = line.replaceAll("[\\p{Zs}\\t\\x0B\\f\\r]+", " ").strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(l);
            blank = 0;
        }
        return out.toString();
    }
}
