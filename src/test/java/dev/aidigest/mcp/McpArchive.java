package dev.aidigest.mcp;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.report.DailyReport;
import dev.aidigest.report.DayItem;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.PostStore;
import dev.aidigest.store.ReportStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SiteArchiveStore;
import dev.aidigest.testing.Posts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A real H2 archive for the MCP tests, stored through the product's own stores: the digest of slot
 * 2025.11.26.16 (two items; item 1 is FLUX.2 told by two posts), one post in no digest, an early
 * FLUX.2 post of 2025-11-19, and the daily report of 2025-11-26 (without a word cloud). The clock stands at 2025-11-27 08:05 in Shanghai.
 */
final class McpArchive {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-27T00:05:00Z"), SHANGHAI);
    static final String SLOT = "2025.11.26.16";
    static final String DIGEST_MD = "---\ntitle: \"2025.11.26.16 过去4小时全球AI发生了什么？\"\n---\n\n"
            + "1.  [Black Forest Labs 发布 FLUX.2](https://x.com/bfl_ml/status/1) - Black Forest Labs / merve\n"
            + "    **FLUX.2** 支持 4MP 输出与多参考图。\n\n"
            + "2.  [Anthropic 发布 Claude Opus 4.5](https://x.com/AnthropicAI/status/3) - Anthropic\n"
            + "    **Claude Opus 4.5** 编程能力提升。\n";
    static final String REPORT_MD = "---\ntitle: \"2025.11.26 AI日报\"\n---\n\n# 日报\n\n今日焦点：FLUX.2 发布。\n";

    private McpArchive() {}

    static void fill(Database db) {
        Slot slot = Slot.parse(SLOT, SHANGHAI);
        Instant at = slot.windowEnd().minusSeconds(3600);
        new PostStore(db, CLOCK)
                .add(
                        List.of(
                                Posts.x("1", "bfl_ml", "Black Forest Labs", "FLUX.2 is here: 4MP images", at),
                                Posts.x("2", "mervenoyann", "merve", "FLUX.2 is out and open", at),
                                Posts.x("9", "someone", "Someone", "FLUX.2 from my own test, never in a digest", at)),
                        List.of(new float[] {1, 0}, new float[] {1, 0}, new float[] {0, 1}),
                        "test");
        List<Long> flux = new PostStore(db, CLOCK)
                .inWindow(slot.windowStart(), slot.windowEnd()).stream()
                        .filter(p -> !p.post().platformId().equals("9"))
                        .map(StoredPost::id)
                        .toList();
        DigestItem one = new DigestItem(
                1,
                "k1",
                "Black Forest Labs 发布 FLUX.2",
                "**FLUX.2** 支持 4MP 输出与多参考图。",
                "https://x.com/bfl_ml/status/1",
                List.of("Black Forest Labs", "merve"),
                flux,
                false,
                5,
                true);
        DigestItem two = new DigestItem(
                2,
                "k2",
                "Anthropic 发布 Claude Opus 4.5",
                "**Claude Opus 4.5** 编程能力提升。",
                "https://x.com/AnthropicAI/status/3",
                List.of("Anthropic"),
                List.of(),
                false,
                4,
                true);
        new DigestStore(db, CLOCK)
                .save(
                        new Digest(
                                slot, slot.end(), List.of("AI模型"), List.of(one, two), 3, 3, LlmUsage.NONE, "offline"),
                        DIGEST_MD);
        report(db, LocalDate.of(2025, 11, 26), REPORT_MD, null);
        // an early look, a week before the digest: outside a search that keeps to the digest's day
        new PostStore(db, CLOCK)
                .add(
                        List.of(Posts.x(
                                "5",
                                "early",
                                "Early Bird",
                                "FLUX.2 rumours: a new image model soon",
                                Instant.parse("2025-11-19T04:00:00Z"))),
                        List.of(new float[] {0, 1}),
                        "test");
    }

    /** A daily report of {@code date} with {@code png} as its word cloud (null: none was drawn). */
    static void report(Database db, LocalDate date, String markdown, byte[] png) {
        Slot slot = Slot.parse(SLOT, SHANGHAI);
        DayItem item = new DayItem(
                SLOT,
                slot.windowEnd(),
                1,
                "k1",
                "Black Forest Labs 发布 FLUX.2",
                "**FLUX.2** 支持 4MP 输出与多参考图。",
                "https://x.com/bfl_ml/status/1",
                List.of("Black Forest Labs", "merve"),
                List.of(),
                5,
                true);
        new ReportStore(db, CLOCK)
                .save(
                        new DailyReport(
                                date,
                                CLOCK.instant().atZone(SHANGHAI),
                                "概述",
                                List.of(new DailyReport.Point("FLUX.2 发布", item)),
                                List.of(),
                                List.of(),
                                List.of("推文中未发现…"),
                                List.of(),
                                List.of(),
                                "",
                                new DailyReport.Stats(3, 3, 1, 1),
                                LlmUsage.NONE,
                                "offline"),
                        List.of("日报"),
                        markdown,
                        png);
    }

    static ArchiveTools tools(Database db) {
        return new ArchiveTools(
                new SiteArchiveStore(db), new ArchiveStore(db, CLOCK), new SearchStore(db), SHANGHAI, CLOCK);
    }
}
