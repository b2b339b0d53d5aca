package dev.aidigest.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Text made safe inside HTML, for text and for attribute values alike: jsoup's escaper in its XHTML mode, which
 * writes only {@code &amp; &lt; &gt; &quot;} by name and everything else it escapes (the apostrophe, a
 * no-break space) as a numeric reference. That is the subset Telegram's HTML accepts, valid HTML for the web
 * archive, and what Lark's card markdown decodes.
 */
public final class HtmlEscape {

    private static final Document.OutputSettings XHTML = new Document.OutputSettings()
            .escapeMode(Entities.EscapeMode.xhtml)
            .charset("UTF-8")
            .prettyPrint(false);

    private HtmlEscape() {}

    /** {@code s} escaped; null is the empty string. */
    public static String escape(String s) {
        return s == null || s.isEmpty() ? "" : Entities.escape(s, XHTML);
    }
}
