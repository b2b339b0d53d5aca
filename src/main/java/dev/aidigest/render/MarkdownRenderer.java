package dev.aidigest.render;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.ingest.PostCheck;
import dev.aidigest.ingest.WebLink;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.spend.ReadTotals;
import dev.aidigest.ingest.spend.Usd;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The digest as markdown in the seeds' form: front matter (title, date with offset, categories),
 * an intro line, numbered items {@code [headline](url) - A / B} ({@link Credits}) with the summary indented below,
 * and a closing coverage line that says what was read and how it was summarized.
 */
public final class MarkdownRenderer {

    static final String INTRO = "以下是过去一段时间全球AI领域的重要动态：";
    static final String EMPTY = "过去4小时没有值得收录的AI动态。";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ReadSpending reads;

    /** No paid X reader: the coverage line says nothing of X reads. */
    public MarkdownRenderer() {
        this(ReadSpending.NONE);
    }

    /** @param reads the paid X readers; the coverage line says what they read in the window and its cost */
    public MarkdownRenderer(ReadSpending reads) {
        this.reads = reads;
    }

    public String render(Digest d) {
        StringBuilder md = new StringBuilder(4096);
        md.append("---\n")
                .append("title: \"")
                .append(d.slot().title())
                .append("\"\n")
                .append("date: ")
                .append(DATE.format(d.madeAt().withNano(0)))
                .append('\n')
                .append("categories: [")
                .append(d.categories().stream()
                        .map(c -> "\"" + frontMatter(c) + "\"")
                        .collect(Collectors.joining(", ")))
                .append("]\n")
                .append("summarizer: \"")
                .append(d.offline() ? "offline" : frontMatter(d.engine()))
                .append("\"\n")
                .append("---\n\n");
        if (d.offline()) {
            md.append("> 离线摘要：未配置 LLM，以下标题与摘要直接摘自原帖（原文语言）。\n\n");
        }
        if (d.items().isEmpty()) {
            md.append(EMPTY).append("\n\n");
        } else {
            md.append(INTRO).append("\n\n");
            for (DigestItem item : d.items()) {
                item(md, item);
            }
        }
        md.append("---\n\n").append(coverage(d)).append('\n');
        return md.toString();
    }

    private static void item(StringBuilder md, DigestItem item) {
        String number = item.position() + ".";
        md.append(number)
                .append(" ".repeat(Math.max(1, 4 - number.length())))
                .append(link(inline(item.headline()), item.url()))
                .append(" - ")
                .append(Credits.line(item.authors(), MarkdownRenderer::inline))
                .append('\n')
                .append("    ")
                .append(inline(item.summary()))
                .append("\n\n");
    }

    /**
     * {@code [text](url)} with the link made safe ({@link WebLink}: http(s) only, percent-encoded, so
     * neither {@code )} nor {@code ![} in it can end the link or start an image); the text alone when
     * the link is not a web link.
     */
    public static String link(String text, String url) {
        String safe = WebLink.normalize(url);
        return safe == null ? text : "[" + text + "](" + safe + ")";
    }

    /** {@code · 本期读取 X 帖子 312 条，约 $1.56}: what the paid X readers read in the window and what it cost. */
    private String xReads(Digest d) {
        if (!reads.any()) {
            return "";
        }
        ReadTotals t = reads.between(d.slot().windowStart(), d.slot().windowEnd());
        return " · 本期读取 X 帖子 " + t.posts() + " 条，约 " + Usd.format(t.micros());
    }

    /**
     * A value inside a double-quoted front matter string: one line without control characters, its
     * quotes made single and its backslashes doubled, so it can neither end the string nor the line.
     */
    private static String frontMatter(String value) {
        return oneLine(value).replace("\\", "\\\\").replace("\"", "'");
    }

    /**
     * One line without control or bidirectional characters (an LLM or a post may carry them), with the
     * characters that would break the link, the list or the HTML escaped.
     */
    static String inline(String text) {
        String oneLine = oneLine(text);
        StringBuilder sb = new StringBuilder(oneLine.length() + 8);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            switch (c) {
                case '[', ']', '<', '>', '`', '\\' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Line breaks of any kind (U+2028 too) made one space, control and bidirectional characters removed. */
    private static String oneLine(String text) {
        return PostCheck.strip(text.replaceAll("\\s*\\R\\s*", " "), false).strip();
    }

    private String coverage(Digest d) {
        String engine = d.offline()
                ? "离线摘要（未使用 LLM）"
                : "LLM " + inline(d.engine()) + "：" + d.usage().calls() + " 次调用，输入 "
                        + d.usage().inputTokens() + " tokens"
                        + (d.usage().fallbacks() > 0 ? "，" + d.usage().fallbacks() + " 条回退为离线摘要" : "");
        return "*本期覆盖 " + d.accountsRead() + " 个账号，读取 " + d.postsRead() + " 条帖子，收录 "
                + d.items().size() + " 条 · " + engine + xReads(d) + "*";
    }
}
