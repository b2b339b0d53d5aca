package dev.aidigest.report;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.ingest.Post;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.PostStore;
import dev.aidigest.testing.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A small stored day (2025-11-26, Asia/Shanghai) for report tests: posts in the words of the sample
 * day and two digests whose items tell their stories, written through the real stores.
 */
final class ReportDay {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2025, 11, 26);

    final Database db;
    final Clock clock;
    private final PostStore posts;
    private final DigestStore digests;
    private long nextId = 1993500000000000000L;

    ReportDay(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.posts = new PostStore(db, clock);
        this.digests = new DigestStore(db, clock);
    }

    /** Stores a post at {@code hhmm} Shanghai time on the day; returns its row id. */
    long post(String handle, String name, String hhmm, String text) {
        String id = Long.toString(nextId++);
        Instant at = DAY.atTime(Integer.parseInt(hhmm.substring(0, 2)), Integer.parseInt(hhmm.substring(3)))
                .atZone(SHANGHAI)
                .toInstant();
        Post p = new Post(
                "x",
                id,
                handle,
                name,
                text,
                at,
                "https://x.com/" + handle + "/status/" + id,
                "zh",
                new Post.Metrics(100, 10, 5, 1, 10_000),
                null,
                List.of(),
                List.of(),
                id);
        posts.add(List.of(p), java.util.Collections.<float[]>singletonList(null), null);
        return Long.parseLong(TestDb.column(db, "SELECT id FROM post WHERE platform_id = '" + id + "'")
                .get(0));
    }

    /** An item for {@link #digest}: headline, summary, authors, posts. */
    static DigestItem item(String headline, String summary, List<String> authors, long... postIds) {
        List<Long> ids = new ArrayList<>();
        for (long id : postIds) {
            ids.add(id);
        }
        String url = "https://x.com/a/status/" + postIds[0];
        return new DigestItem(
                0, "key-" + postIds[0], headline, summary, url, authors, ids, false, 10.0 - postIds.length, true);
    }

    /** Stores the digest of slot {@code 2025.11.26.HH} with these items (numbered in order). */
    long digest(String hour, List<String> categories, DigestItem... items) {
        Slot slot = Slot.parse("2025.11.26." + hour, SHANGHAI);
        List<DigestItem> numbered = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            DigestItem it = items[i];
            numbered.add(new DigestItem(
                    i + 1,
                    it.storyKey(),
                    it.headline(),
                    it.summary(),
                    it.url(),
                    it.authors(),
                    it.postIds(),
                    false,
                    it.score() - i,
                    true));
        }
        Digest d = new Digest(slot, slot.end(), categories, numbered, 20, 10, LlmUsage.NONE, "offline");
        return digests.save(d, "# " + slot.name());
    }

    /** The standard day: FLUX.2 told twice, Opus 4.5, an opinion of Gary Marcus, Meta glasses, chatter. */
    void standard() {
        long flux1 = post(
                "bfl_ml",
                "Black Forest Labs",
                "11:18",
                "FLUX.2 is here - our most capable image generation model, 32B [dev] open weights.");
        long flux2 = post("op7418", "歸藏(guizang.ai)", "13:05", "FLUX.2 提前拿到了测试资格，测了几天，2K 分辨率下一致性很好，生成的图片细节丰富。");
        long opus = post(
                "AnthropicAI",
                "Anthropic",
                "12:10",
                "Introducing Claude Opus 4.5: the best model in the world for coding, agents, and computer use. 80.9% on SWE-bench Verified.");
        long opus2 = post("dotey", "宝玉", "12:40", "Claude Opus 4.5 发布，编程能力很强，价格降到每百万 tokens 5 美元。");
        long gary = post(
                "GaryMarcus",
                "Gary Marcus",
                "13:30",
                "I think LLMs alone will never get us to AGI. Scaling is hitting a wall.");
        long meta = post("oran_ge", "Orange AI", "14:10", "上手了 Meta Ray-Ban Display，799 美元，右眼镜片里有一块小屏幕。");
        post("someone", "Someone", "15:00", "今天吃火锅，真开心。");
        digest(
                "12",
                List.of("AI模型", "AI工具"),
                item(
                        "FLUX.2 is here - our most capable image generation model",
                        "**FLUX.2** is here, 32B [dev] open weights.",
                        List.of("Black Forest Labs"),
                        flux1));
        digest(
                "16",
                List.of("AI模型", "行业洞察"),
                item(
                        "Introducing Claude Opus 4.5",
                        "**Claude Opus 4.5**: best for coding; **80.9%** on SWE-bench Verified.",
                        List.of("Anthropic", "宝玉"),
                        opus,
                        opus2),
                item("FLUX.2 提前拿到了测试资格，测了几天", "**FLUX.2** 2K 分辨率下一致性很好。", List.of("歸藏(guizang.ai)"), flux2),
                item(
                        "I think LLMs alone will never get us to AGI",
                        "Gary Marcus: LLMs alone will never get us to AGI.",
                        List.of("Gary Marcus"),
                        gary),
                item(
                        "上手了 Meta Ray-Ban Display，799 美元",
                        "Meta Ray-Ban Display，**799 美元**。",
                        List.of("Orange AI"),
                        meta));
    }
}
