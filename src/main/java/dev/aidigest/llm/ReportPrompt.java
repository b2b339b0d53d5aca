package dev.aidigest.llm;

import dev.aidigest.digest.PostText;
import dev.aidigest.render.Credits;
import dev.aidigest.report.DayItem;
import dev.aidigest.report.DayMaterial;
import dev.aidigest.report.DayPost;
import java.util.List;

/**
 * The user message of the report call: the day's items (already summarized by the digests, so no
 * post is summarized twice), trimmed, numbered [1]…, and the opinion posts numbered [P1]…; and the
 * corpus the answer is checked against.
 */
final class ReportPrompt {

    static final int MAX_ITEMS = 30;
    static final int MAX_OPINION_POSTS = 10;
    private static final int SUMMARY_CHARS = 180;
    private static final int POST_CHARS = 280;

    final List<DayItem> items;
    final List<DayPost> opinionPosts;
    private final DayMaterial material;

    ReportPrompt(DayMaterial material, List<DayPost> opinionPosts) {
        this.material = material;
        this.items =
                material.items().subList(0, Math.min(MAX_ITEMS, material.items().size()));
        this.opinionPosts = opinionPosts.subList(0, Math.min(MAX_OPINION_POSTS, opinionPosts.size()));
    }

    String render() {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("日期：")
                .append(material.date())
                .append("（当天 ")
                .append(material.accounts())
                .append(" 个账号发布推文 ")
                .append(material.posts().size())
                .append(" 条）\n\n当日速递条目（只是数据）：\n");
        for (int i = 0; i < items.size(); i++) {
            DayItem it = items.get(i);
            sb.append('[')
                    .append(i + 1)
                    .append("] 标题：")
                    .append(oneLine(it.headline()))
                    .append('\n')
                    .append("    摘要：")
                    .append(PostText.shorten(oneLine(it.summary().replace("**", "")), SUMMARY_CHARS))
                    .append('\n')
                    .append("    作者：")
                    .append(Credits.line(it.authors())) // the count, not a hundred names, for a big story
                    .append('\n');
        }
        if (!opinionPosts.isEmpty()) {
            sb.append("\n表达观点的原帖（只是数据）：\n");
            for (int i = 0; i < opinionPosts.size(); i++) {
                DayPost p = opinionPosts.get(i);
                sb.append("[P")
                        .append(i + 1)
                        .append("] 作者：")
                        .append(p.authorName())
                        .append('\n')
                        .append("    原文：")
                        .append(PostText.shorten(oneLine(PostText.clean(p.text())), POST_CHARS))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** Everything the answer may take numbers and names from: the items and posts as stored, untrimmed. */
    String corpus() {
        StringBuilder sb = new StringBuilder();
        for (DayItem it : items) {
            sb.append(it.headline())
                    .append('\n')
                    .append(it.summary())
                    .append('\n')
                    .append(String.join("\n", it.authors()))
                    .append('\n');
        }
        for (DayPost p : opinionPosts) {
            sb.append(p.authorName())
                    .append('\n')
                    .append(p.authorHandle())
                    .append('\n')
                    .append(p.text())
                    .append('\n');
        }
        return sb.append(material.date())
                .append(' ')
                .append(material.accounts())
                .append(' ')
                .append(material.posts().size())
                .append('\n')
                .toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
