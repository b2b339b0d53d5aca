package dev.aidigest.web;

import dev.aidigest.render.HtmlEscape;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The archive's HTML: one page shell that reads well on a phone (viewport, system CJK fonts,
 * line-height 1.8, 42em column) and stored markdown rendered by commonmark with raw HTML escaped
 * and unsafe link schemes removed, so a post that contains {@code <script>} shows as text.
 */
final class Html {

    private static final String CSS = """
      body{margin:0;background:#fafafa;color:#222;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB",\
      "Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;font-size:17px;line-height:1.8;\
      -webkit-text-size-adjust:100%}
      main{max-width:42em;margin:0 auto;padding:1em 1.1em 3em;background:#fff;overflow-wrap:anywhere}
      h1{font-size:1.45em;line-height:1.4}h2{font-size:1.25em;line-height:1.4;margin-top:1.6em}h3,h4{font-size:1.08em}
      a{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}
      img{max-width:100%;height:auto}li{margin:.35em 0}blockquote{margin:1em 0;padding:.2em 1em;color:#555;background:#f3f4f6;border-left:4px solid #ccd}
      nav{font-size:.9em;margin-bottom:1em}nav a{margin-right:1em}.meta{color:#777;font-size:.88em}
      form{display:flex;gap:.5em;margin:1em 0}input[type=search]{flex:1;font-size:1em;padding:.4em .6em;border:1px solid #ccc;border-radius:6px}
      button{font-size:1em;padding:.4em 1em;border-radius:6px;border:1px solid #1a5fb4;background:#1a5fb4;color:#fff}
      hr{border:0;border-top:1px solid #e5e5e5;margin:2em 0}
      """;

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .build(); // a digest item's summary is on the line after its headline: keep it there

    /** A whole page; {@code title} is escaped here, {@code body} must already be HTML. */
    String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title)
                + "</title><link rel=\"alternate\" type=\"application/rss+xml\" title=\"AI 速递\" href=\"/feed.xml\">"
                + "<style>" + CSS + "</style></head><body><main>"
                + "<nav><a href=\"/\">首页</a><a href=\"/search\">搜索</a><a href=\"/feed.xml\">RSS</a></nav>"
                + body + "</main></body></html>";
    }

    /** Stored markdown without its front matter, as safe HTML. */
    String markdown(String markdown) {
        return renderer.render(parser.parse(withoutFrontMatter(markdown)));
    }

    static String withoutFrontMatter(String md) {
        if (md != null && md.startsWith("---\n")) {
            int end = md.indexOf("\n---\n", 4);
            if (end > 0) {
                return md.substring(end + 5);
            }
        }
        return md == null ? "" : md;
    }

    static String escape(String s) {
        return HtmlEscape.escape(s);
    }
}
