package dev.aidigest.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import dev.aidigest.report.DailyReport;
import dev.aidigest.report.DayItem;
import dev.aidigest.report.DayPost;
import dev.aidigest.text.Aliases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the report answer and decides whether it can be used: a JSON object whose overview and key
 * points are Chinese, whose references point at real items and posts, whose opinions belong to the
 * person of the referenced post, and whose numbers and names all occur in the material. Broken
 * optional parts are dropped (the offline sections stand in); a broken required part is an error,
 * written for the model because it is sent back once for a repair.
 */
final class ReportAnswer {

    /** The usable parts; null lists mean "use the offline section". */
    record Parts(
            String overview,
            List<DailyReport.Point> keyPoints,
            List<DailyReport.Opinion> opinions,
            List<DailyReport.Group> events,
            List<DailyReport.Group> analysis,
            List<DailyReport.Bullet> finance,
            String closing) {}

    record Result(Parts parts, String error) {
        boolean ok() {
            return parts != null;
        }
    }

    static final List<String> EVENT_GROUPS = List.of("模型发布", "功能升级", "技术突破", "企业应用");
    static final List<String> ANALYSIS_PARTS = List.of("技术发展", "产业创新", "社会影响");

    private final AnswerCheck json = new AnswerCheck();
    private final Aliases aliases;

    ReportAnswer(Aliases aliases) {
        this.aliases = aliases;
    }

    Result check(String answer, ReportPrompt prompt) {
        JsonNode root = json.parseObject(answer);
        if (root == null) {
            return fail("回答不是一个合法的 JSON 对象");
        }
        String overview = text(root, "overview");
        if (PostText.cjkCount(overview) < 20 || PostText.length(overview) > 500) {
            return fail("overview 必须是 2–4 句中文（至少 20 个汉字，最多 500 字）");
        }
        List<DailyReport.Point> points = keyPoints(root.path("key_points"), prompt.items);
        int want = Math.min(5, prompt.items.size());
        if (points.size() < want) {
            return fail("key_points 至少要有 " + want + " 条有效的关键点：每条 ref 是存在的条目编号（1–" + prompt.items.size()
                    + "）且互不相同，text 是 6–60 字的中文");
        }
        Grounding grounding = new Grounding(prompt.corpus(), aliases);
        StringBuilder all = new StringBuilder(overview).append('\n');
        points.forEach(p -> all.append(p.text()).append('\n'));
        List<DailyReport.Opinion> opinions = opinions(root.path("opinions"), prompt.opinionPosts);
        opinions.forEach(
                o -> all.append(o.person()).append(' ').append(o.text()).append('\n'));
        List<DailyReport.Group> events = events(root.path("events"), prompt.items);
        List<DailyReport.Group> analysis = labelled(root.path("ai_analysis"));
        List<DailyReport.Bullet> finance = bullets(root.path("finance"), 4);
        String closing = text(root, "closing");
        for (List<DailyReport.Bullet> bs : List.of(flatten(events), flatten(analysis), finance)) {
            bs.forEach(b -> all.append(b.label() == null ? "" : b.label())
                    .append(' ')
                    .append(b.text())
                    .append('\n'));
        }
        all.append(closing);
        List<String> missing = grounding.ungrounded(all.toString());
        if (!missing.isEmpty()) {
            return fail("这些数字或名称在材料里没有出现：" + String.join("、", missing) + "；只能使用材料里出现过的数字和名称");
        }
        return new Result(
                new Parts(
                        MarkdownSafe.withBold(overview),
                        points,
                        opinions.isEmpty() ? null : opinions,
                        events.stream().allMatch(g -> g.bullets().isEmpty()) ? null : events,
                        analysis.isEmpty() ? null : analysis,
                        finance,
                        PostText.cjkCount(closing) >= 5 ? MarkdownSafe.plain(closing) : ""),
                null);
    }

    private static Result fail(String error) {
        return new Result(null, error);
    }

    private static List<DailyReport.Point> keyPoints(JsonNode array, List<DayItem> items) {
        List<DailyReport.Point> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (JsonNode n : array) {
            int ref = n.path("ref").asInt(0);
            String text = text(n, "text");
            int len = PostText.length(text);
            if (ref >= 1
                    && ref <= items.size()
                    && used.add(ref)
                    && len >= 6
                    && len <= 60
                    && PostText.cjkCount(text) >= 2
                    && out.size() < 10) {
                out.add(new DailyReport.Point(MarkdownSafe.headline(text), items.get(ref - 1)));
            }
        }
        return out;
    }

    /** Kept only when the person wrote the referenced post or is named in it. */
    private static List<DailyReport.Opinion> opinions(JsonNode array, List<DayPost> posts) {
        List<DailyReport.Opinion> out = new ArrayList<>();
        for (JsonNode n : array) {
            String ref =
                    text(n, "ref").toUpperCase(Locale.ROOT).replace("[", "").replace("]", "");
            String person = text(n, "person");
            String text = text(n, "text");
            if (!ref.matches("P\\d+")
                    || person.isEmpty()
                    || PostText.cjkCount(text) < 4
                    || PostText.length(text) > 150
                    || out.size() >= 5) {
                continue;
            }
            int i = Integer.parseInt(ref.substring(1)) - 1;
            if (i < 0 || i >= posts.size()) {
                continue;
            }
            DayPost p = posts.get(i);
            String who = person.toLowerCase(Locale.ROOT);
            if (p.authorName().toLowerCase(Locale.ROOT).contains(who)
                    || who.contains(p.authorName().toLowerCase(Locale.ROOT))
                    || p.text().toLowerCase(Locale.ROOT).contains(who)) {
                out.add(new DailyReport.Opinion(person, MarkdownSafe.plain(text), p.link()));
            }
        }
        return out;
    }

    private static List<DailyReport.Group> events(JsonNode node, List<DayItem> items) {
        List<DailyReport.Group> out = new ArrayList<>();
        for (String g : EVENT_GROUPS) {
            List<DailyReport.Bullet> bullets = new ArrayList<>();
            for (JsonNode n : node.path(g)) {
                int ref = n.path("ref").asInt(0);
                String text = text(n, "text");
                if (ref >= 1
                        && ref <= items.size()
                        && PostText.cjkCount(text) >= 2
                        && PostText.length(text) <= 60
                        && bullets.size() < 5) {
                    bullets.add(new DailyReport.Bullet(
                            null,
                            MarkdownSafe.headline(text),
                            items.get(ref - 1).url()));
                }
            }
            out.add(new DailyReport.Group(g, bullets));
        }
        return out;
    }

    private static List<DailyReport.Group> labelled(JsonNode node) {
        List<DailyReport.Group> out = new ArrayList<>();
        for (String part : ANALYSIS_PARTS) {
            List<DailyReport.Bullet> bullets = bullets(node.path(part), 4);
            if (!bullets.isEmpty()) {
                out.add(new DailyReport.Group(part, bullets));
            }
        }
        return out;
    }

    private static List<DailyReport.Bullet> bullets(JsonNode array, int max) {
        List<DailyReport.Bullet> out = new ArrayList<>();
        for (JsonNode n : array) {
            String label = text(n, "label");
            String text = text(n, "text");
            if (PostText.length(label) <= 12
                    && PostText.cjkCount(text) >= 4
                    && PostText.length(text) <= 150
                    && out.size() < max) {
                out.add(new DailyReport.Bullet(
                        label.isEmpty() ? null : MarkdownSafe.plain(label), MarkdownSafe.plain(text), null));
            }
        }
        return out;
    }

    private static List<DailyReport.Bullet> flatten(List<DailyReport.Group> groups) {
        return groups.stream().flatMap(g -> g.bullets().stream()).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText().replaceAll("\\s+", " ").strip() : "";
    }
}
