package dev.aidigest.report;

import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.summary.OfflineSummarizer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report without an LLM: every section is extracted from the day's digest items and posts by
 * rules, deterministic and honest — headlines as the digests wrote them, opinions quoted from the
 * posts with their author, counts where a judgement would be a guess.
 */
public final class OfflineReportWriter implements ReportWriter {

    static final int KEY_POINTS = 10;
    private static final int PER_GROUP = 5;
    private static final int PER_THEME = 3;
    /** Money that moves (funding, valuation, revenue, investment), not a product's price. */
    private static final Pattern FINANCE = Pattern.compile(
            "(?i)融资|估值|营收|收购|投资|\\bIPO\\b|\\brais(?:ed|es)\\b|\\bfunding\\b"
                    + "|\\bvaluation\\b|\\brevenue\\b|\\binvest|\\$\\d+(?:\\.\\d+)?\\s?(?:[BMK]|billion|million)\\b|\\d\\s?亿美元");

    private final MarketScan market;
    private final Clock clock;

    public OfflineReportWriter(MarketScan market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    @Override
    public DailyReport write(DayMaterial m, List<String> names) {
        List<DayPost> onTopic = onTopic(m);
        List<DayItem> items = m.items();
        return new DailyReport(
                m.date(),
                ZonedDateTime.now(clock.withZone(m.zone())),
                overview(m, names, onTopic),
                keyPoints(items),
                Opinions.pick(onTopic),
                events(items),
                market.paragraphs(market.scan(m.posts())),
                analysis(items),
                finance(items),
                "",
                stats(m),
                LlmUsage.NONE,
                OfflineSummarizer.ENGINE);
    }

    static DailyReport.Stats stats(DayMaterial m) {
        return new DailyReport.Stats(
                m.posts().size(), m.accounts(), m.digests(), m.items().size());
    }

    /** The posts behind the day's digest items (chatter the digests left out is not the day's news). */
    static List<DayPost> onTopic(DayMaterial m) {
        Set<Long> ids = new HashSet<>();
        m.items().forEach(i -> ids.addAll(i.postIds()));
        List<DayPost> out = m.posts().stream().filter(p -> ids.contains(p.id())).toList();
        return out.isEmpty() ? m.posts().stream().filter(p -> !p.isRetweet()).toList() : out;
    }

    /** Posts in which someone says what they think, best first, one per person: what the LLM may attribute. */
    public static List<DayPost> opinionPosts(DayMaterial m, int max) {
        return Opinions.candidates(onTopic(m)).stream().limit(max).toList();
    }

    private String overview(DayMaterial m, List<String> names, List<DayPost> onTopic) {
        if (m.items().isEmpty()) {
            return "本日没有生成速递，也没有可总结的AI动态（读取推文 " + m.posts().size() + " 条）。";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("本日 ")
                .append(m.accounts())
                .append(" 个账号发布推文 ")
                .append(m.posts().size())
                .append(" 条，")
                .append(m.digests())
                .append(" 期速递共收录 ")
                .append(m.items().size())
                .append(" 条动态。");
        if (!m.categories().isEmpty()) {
            sb.append("讨论集中在")
                    .append(String.join(
                            "、",
                            m.categories().subList(0, Math.min(5, m.categories().size()))))
                    .append("等方向");
            sb.append(names.isEmpty() ? "。" : "；");
        }
        if (!names.isEmpty()) {
            sb.append("被提及最多的产品与模型是 ")
                    .append(String.join("、", names.subList(0, Math.min(6, names.size()))))
                    .append("。");
        }
        return sb.append(Mood.describe(onTopic)).toString();
    }

    static List<DailyReport.Point> keyPoints(List<DayItem> items) {
        List<DailyReport.Point> out = new ArrayList<>();
        for (DayItem i : items.subList(0, Math.min(KEY_POINTS, items.size()))) {
            out.add(new DailyReport.Point(headline(i), i));
        }
        return out;
    }

    static List<DailyReport.Group> events(List<DayItem> items) {
        Map<String, List<DailyReport.Bullet>> groups = new LinkedHashMap<>();
        EventKinds.GROUPS.forEach(g -> groups.put(g, new ArrayList<>()));
        for (DayItem i : items) {
            int g = EventKinds.of(plain(i));
            if (g >= 0 && groups.get(EventKinds.GROUPS.get(g)).size() < PER_GROUP) {
                groups.get(EventKinds.GROUPS.get(g)).add(new DailyReport.Bullet(null, headline(i), i.url()));
            }
        }
        List<DailyReport.Group> out = new ArrayList<>();
        groups.forEach((name, bullets) -> out.add(new DailyReport.Group(name, bullets)));
        return out;
    }

    static List<DailyReport.Group> analysis(List<DayItem> items) {
        Map<String, List<DailyReport.Bullet>> parts = new LinkedHashMap<>();
        for (Themes.Theme t : Themes.ALL) {
            List<DayItem> hits = items.stream().filter(i -> t.in(plain(i))).toList();
            if (hits.isEmpty()) {
                continue;
            }
            List<String> examples = hits.stream()
                    .limit(PER_THEME)
                    .map(i -> PostText.shorten(headline(i), 36))
                    .toList();
            String text = hits.size() + " 条动态，如：" + String.join("；", examples);
            parts.computeIfAbsent(t.part(), k -> new ArrayList<>()).add(new DailyReport.Bullet(t.label(), text, null));
        }
        List<DailyReport.Group> out = new ArrayList<>();
        for (String part : Themes.PARTS) {
            if (parts.containsKey(part)) {
                out.add(new DailyReport.Group(part, parts.get(part)));
            }
        }
        return out;
    }

    static List<DailyReport.Bullet> finance(List<DayItem> items) {
        List<DailyReport.Bullet> out = new ArrayList<>();
        for (DayItem i : items) {
            if (out.size() < PER_GROUP && FINANCE.matcher(plain(i)).find()) {
                out.add(new DailyReport.Bullet(null, headline(i), i.url()));
            }
        }
        return out;
    }

    /** The item's headline without the digest's follow-up mark: in a day's report, every story is told once. */
    static String headline(DayItem i) {
        return i.headline().startsWith(DigestBuilder.FOLLOW_UP_PREFIX)
                ? i.headline()
                        .substring(DigestBuilder.FOLLOW_UP_PREFIX.length())
                        .strip()
                : i.headline();
    }

    private static String plain(DayItem i) {
        return i.headline() + " " + i.summary().replace("**", "");
    }
}
