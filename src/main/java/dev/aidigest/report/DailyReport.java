package dev.aidigest.report;

import dev.aidigest.digest.LlmUsage;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The daily report, section by section. Every line that names a story links to a post;
 * every opinion names its person. {@code engine} is {@code offline} or the LLM model.
 *
 * @param overview     topics and trends of the day, and the mood
 * @param keyPoints    up to 10, most important first
 * @param market       paragraphs on stocks and coins, from {@link MarketScan} only (never from the LLM)
 * @param aiAnalysis   groups of bullets (技术发展, 产业创新, 社会影响)
 * @param finance      bullets on funding, revenue and markets found in the posts; may be empty
 * @param closing      one concluding paragraph, or empty
 */
public record DailyReport(
        LocalDate date,
        ZonedDateTime madeAt,
        String overview,
        List<Point> keyPoints,
        List<Opinion> opinions,
        List<Group> events,
        List<String> market,
        List<Group> aiAnalysis,
        List<Bullet> finance,
        String closing,
        Stats stats,
        LlmUsage usage,
        String engine) {

    public DailyReport {
        keyPoints = List.copyOf(keyPoints);
        opinions = List.copyOf(opinions);
        events = List.copyOf(events);
        market = List.copyOf(market);
        aiAnalysis = List.copyOf(aiAnalysis);
        finance = List.copyOf(finance);
    }

    /** The same report with another {@code madeAt} (the front matter's date). */
    public DailyReport madeAt(ZonedDateTime at) {
        return new DailyReport(
                date,
                at,
                overview,
                keyPoints,
                opinions,
                events,
                market,
                aiAnalysis,
                finance,
                closing,
                stats,
                usage,
                engine);
    }

    public boolean offline() {
        return "offline".equals(engine);
    }

    /** The title of the report, its chat message and its page: {@code 2025.11.26 AI日报：全球AI推文讨论总结}. */
    public String title() {
        return title(date);
    }

    public static String title(LocalDate date) {
        return String.format(
                "%04d.%02d.%02d AI日报：全球AI推文讨论总结", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * One key point, from a digest item.
     *
     * @param item the item it comes from (its link, authors, posts and story key)
     */
    public record Point(String text, DayItem item) {}

    /** What a named person said, linked to the post that says it. */
    public record Opinion(String person, String text, String url) {}

    /** A titled list of bullets: an event group (模型发布 …) or a part of the AI analysis. */
    public record Group(String name, List<Bullet> bullets) {
        public Group {
            bullets = List.copyOf(bullets);
        }
    }

    /**
     * One line of a list: an optional bold label, the text, an optional link.
     *
     * @param url null when the line is not about one post
     */
    public record Bullet(String label, String text, String url) {}

    /** What the report was made from. */
    public record Stats(int posts, int accounts, int digests, int items) {}
}
