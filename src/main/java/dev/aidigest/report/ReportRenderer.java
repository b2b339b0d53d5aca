package dev.aidigest.report;

import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.render.Credits;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as Hugo markdown in the report's sections. Text from posts and digests arrives
 * already neutralised ({@link MarkdownSafe}); the renderer adds only links, bold labels and lists.
 */
public final class ReportRenderer {

    static final String NONE_OF_KIND = "今日推文中未见此类动态";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** @param image the word cloud's site path ({@code /images/2025-11-26-wordcloud.png}), or null when none was drawn */
    public String render(DailyReport r, List<String> categories, String image) {
        StringBuilder md = new StringBuilder(8192);
        md.append("---\n")
                .append("title: \"")
                .append(r.title())
                .append("\"\n")
                .append("date: ")
                .append(DATE.format(r.madeAt().withNano(0)))
                .append('\n')
                .append("categories: [")
                .append(categories.stream()
                        .map(c -> "\"" + c.replace("\"", "'") + "\"")
                        .collect(Collectors.joining(", ")))
                .append("]\n")
                .append("summarizer: \"")
                .append(r.offline() ? "offline" : r.engine().replace("\"", "'"))
                .append("\"\n");
        if (image != null) {
            md.append("images: [\"").append(image).append("\"]\n");
        }
        md.append("---\n\n");
        if (r.offline()) {
            md.append("> 离线报告：未使用 LLM，各节内容摘自当日速递与原帖，观点为原文引用。\n\n");
        }
        md.append("# AI人工智能领域Twitter讨论总结报告（").append(r.date()).append("）\n\n");
        md.append("## 简要部分\n\n### 主要话题与行业趋势概述\n\n").append(r.overview()).append("\n\n");
        md.append("### 核心信息（").append(r.keyPoints().size()).append("个关键点）\n\n");
        int n = 1;
        for (DailyReport.Point p : r.keyPoints()) {
            md.append(n++)
                    .append(". [")
                    .append(p.text())
                    .append("](")
                    .append(p.item().url())
                    .append(")");
            if (!p.item().authors().isEmpty()) {
                md.append(" - ").append(Credits.line(p.item().authors(), MarkdownSafe::plain));
            }
            md.append('\n');
        }
        if (r.keyPoints().isEmpty()) {
            md.append("本日没有可列出的关键动态。\n");
        }
        md.append("\n## 详细分析部分\n\n### 重要观点与见解\n\n");
        if (r.opinions().isEmpty()) {
            md.append("推文中未发现明确署名的观点表达。\n");
        }
        for (DailyReport.Opinion o : r.opinions()) {
            String sep = o.text().startsWith("「") ? "：" : "";
            md.append("- **")
                    .append(MarkdownSafe.plain(o.person()))
                    .append("**")
                    .append(sep)
                    .append(o.text())
                    .append("（[原帖](")
                    .append(o.url())
                    .append(")）\n");
        }
        md.append("\n### 关键事件与发展\n\n");
        for (DailyReport.Group g : r.events()) {
            md.append("- **")
                    .append(g.name())
                    .append("**：")
                    .append(g.bullets().isEmpty() ? NONE_OF_KIND : inline(g.bullets()))
                    .append('\n');
        }
        md.append("\n### 个股与数字货币分析与市场反应\n\n");
        r.market().forEach(p -> md.append(p).append("\n\n"));
        md.append("### 专项分析\n\n#### 人工智能相关内容\n\n");
        if (r.aiAnalysis().isEmpty()) {
            md.append("本日动态不足以归纳出主题。\n\n");
        }
        for (DailyReport.Group g : r.aiAnalysis()) {
            md.append("**").append(g.name()).append("**：\n");
            g.bullets().forEach(b -> md.append("- ").append(bullet(b)).append('\n'));
            md.append('\n');
        }
        md.append("#### 金融市场相关内容\n\n");
        if (r.finance().isEmpty()) {
            md.append("今日推文中未发现融资、估值、营收等具体金融信息。\n");
        }
        r.finance().forEach(b -> md.append("- ").append(bullet(b)).append('\n'));
        md.append('\n');
        if (!r.closing().isBlank()) {
            md.append(r.closing()).append("\n\n");
        }
        md.append("## 词云分析\n\n");
        md.append(image == null ? "（本日没有足够的词生成词云。）" : "![词云图](" + image + ")").append("\n\n");
        md.append("---\n\n").append(coverage(r)).append('\n');
        return md.toString();
    }

    private static String inline(List<DailyReport.Bullet> bullets) {
        return bullets.stream().map(ReportRenderer::linked).collect(Collectors.joining("；"));
    }

    private static String bullet(DailyReport.Bullet b) {
        return (b.label() == null ? "" : "**" + b.label() + "**：") + linked(b);
    }

    private static String linked(DailyReport.Bullet b) {
        return b.url() == null ? b.text() : "[" + b.text() + "](" + b.url() + ")";
    }

    private static String coverage(DailyReport r) {
        DailyReport.Stats s = r.stats();
        String engine = r.offline()
                ? (r.usage().calls() > 0 ? "离线生成（LLM 的 " + r.usage().calls() + " 次调用没有得到可用的回答）" : "离线生成（未使用 LLM）")
                : "LLM " + r.engine() + "：" + r.usage().calls() + " 次调用，输入 "
                        + r.usage().inputTokens() + " tokens，输出 " + r.usage().outputTokens() + " tokens";
        return "*本日覆盖 " + s.accounts() + " 个账号、" + s.posts() + " 条推文，来自 " + s.digests() + " 期速递的 " + s.items()
                + " 条动态 · " + engine + "*";
    }
}
