package dev.aidigest.channel;

import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.ingest.WebLink;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link Block} as the markdown dialects chat platforms speak ({@code **bold**},
 * {@code [text](url)}); each platform passes its own escaping of plain text.
 */
public final class ReplyMarkdown {
    private ReplyMarkdown() {}

    /**
     * The target a span's link is sent with on every platform: an http(s) link with a host, encoded so it
     * cannot end the markdown link or attribute it stands in; null when it is none (then the span is text).
     */
    public static String link(String url) {
        return WebLink.normalize(url);
    }

    /** Lines joined by newlines; only http(s) links become links, the rest stays text. */
    public static String render(Block b, UnaryOperator<String> escape) {
        StringBuilder sb = new StringBuilder();
        for (List<Span> line : b.lines()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            for (Span s : line) {
                String text = escape.apply(s.text());
                if (s.bold() && !ReplySplitter.blank(text)) { // ** around nothing visible would show as is
                    text = "**" + text + "**";
                }
                String url = link(s.url());
                if (url != null) {
                    text = "[" + text + "](" + url + ")";
                }
                sb.append(text);
            }
        }
        return sb.toString();
    }
}
