package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.Digests;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.ingest.Post;
import dev.aidigest.testing.Posts;
import dev.aidigest.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores against a real H2 file database with the real migrations; {@link StorePostgresIT} runs the same on PostgreSQL. */
class StoreTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant T0 = Instant.parse("2025-11-26T05:00:00Z"); // 13:00 Shanghai

    @TempDir
    Path dir;

    Database db;
    PostStore posts;
    DigestStore digests;
    Clock clock = Clock.fixed(Instant.parse("2025-11-26T08:06:33Z"), SHANGHAI);

    Database open() {
        return TestDatabases.h2(dir);
    }

    @BeforeEach
    void setUp() {
        db = open();
        posts = new PostStore(db, clock);
        digests = new DigestStore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void addsPostsOnceAndKeepsEveryField() {
        Post p = new Post(
                "x",
                "1993354297854062805",
                "mervenoyann",
                "merve",
                "FLUX.2 is out 🔥 <b>",
                T0,
                "https://x.com/mervenoyann/status/1993354297854062805",
                "en",
                new Post.Metrics(120, 30, 4, 5, 9000),
                new Post.Reference("quoted", "42", "bfl_ml"),
                List.of("https://bfl.ai"),
                List.of("https://pbs.twimg.com/a.jpg"),
                "c1");
        float[] v = {0.6f, 0.8f};

        assertThat(posts.add(List.of(p), List.of(v), "m")).isEqualTo(1);
        assertThat(posts.add(List.of(p), List.of(v), "m")).isZero();
        assertThat(posts.known("x", List.of("1993354297854062805", "nope"))).containsExactly("1993354297854062805");

        List<StoredPost> window = posts.inWindow(T0, T0.plusSeconds(1));
        assertThat(window).hasSize(1);
        assertThat(window.get(0).post()).isEqualTo(p);
        assertThat(window.get(0).embedding()).containsExactly(0.6f, 0.8f);
    }

    @Test
    void windowIsHalfOpen() {
        posts.add(
                List.of(Posts.x("1", "a", "at start", T0, 1), Posts.x("2", "a", "at end", T0.plusSeconds(3600), 1)),
                java.util.Arrays.asList(null, null),
                "m");
        assertThat(posts.inWindow(T0, T0.plusSeconds(3600)))
                .extracting(s -> s.post().platformId())
                .containsExactly("1");
    }

    @Test
    void authorNormIsTheMedianEngagementIgnoringRetweets() {
        posts.add(
                List.of(
                        Posts.x("1", "Big", "a", T0, 100),
                        Posts.x("2", "big", "b", T0, 300),
                        Posts.x("3", "big", "c", T0, 1000)),
                java.util.Arrays.asList(null, null, null),
                "m");
        Map<String, Double> norms = posts.authorNorms(T0.minusSeconds(10), T0.plusSeconds(10));
        assertThat(norms).containsEntry("big", 300.0);
    }

    @Test
    void aFailedBatchAddsNothing() {
        Post ok = Posts.x("1", "a", "fine", T0, 1);
        Post badHandle = Posts.x("2", "a".repeat(300), "handle longer than its column", T0, 1);
        assertThatThrownBy(() -> posts.add(List.of(ok, badHandle), java.util.Arrays.asList(null, null), "m"))
                .isInstanceOf(DatabaseException.class);
        assertThat(posts.count()).isZero();
    }

    @Test
    void oversizedTextAndLinksAreClippedNotRefused() {
        List<String> links = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> "https://example.com/" + i)
                .toList();
        Post huge = new Post(
                "rss",
                "g1",
                "feed",
                "Feed",
                "x".repeat(50_000),
                T0,
                "https://example.com",
                null,
                null,
                null,
                links,
                List.of(),
                null);
        assertThat(posts.add(List.of(huge), java.util.Collections.<float[]>singletonList(null), "m"))
                .isEqualTo(1);
        Post stored = posts.inWindow(T0, T0.plusSeconds(1)).get(0).post();
        assertThat(stored.text()).hasSize(PostStore.MAX_TEXT);
        assertThat(stored.links()).isNotEmpty().hasSizeLessThan(500).startsWith("https://example.com/0");
    }

    @Test
    void rebuildingASlotReplacesItsItemsInPlace() {
        posts.add(
                List.of(Posts.x("1", "a", "one", T0, 1), Posts.x("2", "b", "two", T0, 1)),
                java.util.Arrays.asList(null, null),
                "m");
        List<StoredPost> stored = posts.inWindow(T0, T0.plusSeconds(1));
        Slot slot = Slot.parse("2025.11.26.16", SHANGHAI);
        Digest first = digest(
                slot,
                List.of(
                        item(1, "k1", stored.get(0).id()),
                        item(2, "k2", stored.get(1).id())));
        long id = digests.save(first, "# one");
        long again =
                digests.save(digest(slot, List.of(item(1, "k2", stored.get(1).id()))), "# two");

        assertThat(again).isEqualTo(id);
        assertThat(digests.count()).isEqualTo(1);
        assertThat(digests.markdown("2025.11.26.16")).contains("# two");
        List<Digests.PastItem> past =
                digests.itemsEndedBetween(slot.windowEnd(), slot.windowEnd().plusSeconds(1));
        assertThat(past).singleElement().satisfies(p -> {
            assertThat(p.storyKey()).isEqualTo("k2");
            assertThat(p.postIds()).containsExactly(stored.get(1).id());
        });
    }

    @Test
    void anItemOf150AuthorsAnd600PostsIsStoredWholeInDigestsAndReports() {
        List<Post> many = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String handle = "acct" + (i % 150);
            many.add(Posts.x(String.valueOf(i), handle, "FLUX.2 post " + i, T0, 1));
            if (i < 150) {
                names.add(i == 7 ? "名".repeat(200) : i == 9 ? "He said \"hi\" 🤗" : "作者 " + handle);
            }
        }
        posts.add(many, java.util.Collections.nCopies(600, null), "m");
        List<Long> ids = posts.inWindow(T0, T0.plusSeconds(1)).stream()
                .map(StoredPost::id)
                .toList();
        Slot slot = Slot.parse("2025.11.26.16", SHANGHAI);
        DigestItem big =
                new DigestItem(1, "big", "FLUX.2 发布", "摘要", "https://x.com/a/status/1", names, ids, false, 9, true);

        long id = digests.save(digest(slot, List.of(big, item(2, "k2", ids.get(0)))), "# big");

        ArchiveStore archive = new ArchiveStore(db);
        assertThat(archive.byId(id).orElseThrow().items().get(0).authors()).containsExactlyElementsOf(names);
        assertThat(archive.byId(id).orElseThrow().items().get(1).authors()).containsExactly("A");
        assertThat(digests.itemsEndedBetween(slot.windowEnd(), slot.windowEnd().plusSeconds(1))
                        .get(0)
                        .postIds())
                .containsExactlyInAnyOrderElementsOf(ids);
        ReportStore reports = new ReportStore(db, clock);
        dev.aidigest.report.DayItem day =
                reports.items(slot.windowStart(), slot.windowEnd()).get(0);
        assertThat(day.authors()).containsExactlyElementsOf(names);
        assertThat(day.postIds()).hasSize(600);

        long report = reports.save(
                new dev.aidigest.report.DailyReport(
                        java.time.LocalDate.of(2025, 11, 26),
                        clock.instant().atZone(SHANGHAI),
                        "概述",
                        List.of(new dev.aidigest.report.DailyReport.Point("FLUX.2 发布", day)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        "",
                        new dev.aidigest.report.DailyReport.Stats(600, 150, 1, 2),
                        LlmUsage.NONE,
                        "offline"),
                List.of("日报"),
                "# 日报",
                null);
        assertThat(archive.byId(report).orElseThrow().items().get(0).authors()).containsExactlyElementsOf(names);

        digests.save(digest(slot, List.of(item(1, "k2", ids.get(1)))), "# small");
        assertThat(archive.byId(id).orElseThrow().items()).singleElement().satisfies(i -> assertThat(i.authors())
                .containsExactly("A"));
        assertThat(reports.items(slot.windowStart(), slot.windowEnd()).get(0).postIds())
                .containsExactly(ids.get(1));
    }

    @Test
    void summaryCacheKeepsLlmSummariesOnly() {
        SummaryStore cache = new SummaryStore(db, clock);
        cache.put("h1", "gpt", new StorySummary("标题", "摘要", false));
        cache.put("h1", "gpt", new StorySummary("新标题", "新摘要", false));
        cache.put("h2", "offline", new StorySummary("t", "s", true));
        assertThat(cache.get("h1", "gpt")).contains(new StorySummary("新标题", "新摘要", false));
        assertThat(cache.get("h1", "other-model")).isEmpty();
        assertThat(cache.get("h2", "offline")).isEmpty();
    }

    @Test
    void sourceStateRemembersPerSource() {
        SourceStateStore a = new SourceStateStore(db, "x");
        SourceStateStore b = new SourceStateStore(db, "rss:one");
        a.put("since_id", "10");
        a.put("since_id", "11");
        b.put("since_id", "99");
        assertThat(a.get("since_id")).contains("11");
        assertThat(b.get("since_id")).contains("99");
        assertThat(a.get("etag")).isEmpty();
    }

    static DigestItem item(int pos, String key, long postId) {
        return new DigestItem(
                pos,
                key,
                "标题" + pos,
                "摘要",
                "https://x.com/a/status/" + pos,
                List.of("A"),
                List.of(postId),
                false,
                1.0,
                true);
    }

    Digest digest(Slot slot, List<DigestItem> items) {
        return new Digest(
                slot, clock.instant().atZone(SHANGHAI), List.of("AI模型"), items, 2, 2, LlmUsage.NONE, "offline");
    }
}
