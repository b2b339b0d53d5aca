package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.command.TopicSearch;
import dev.aidigest.command.TopicSearch.TimeRange;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search kept to a time range: since included, until excluded, with one term and with several. */
class SearchRangeTest {

    static final Instant T = Instant.parse("2025-11-20T00:00:00Z");

    Database db;
    SearchStore search;

    Database open() {
        return TestDb.h2();
    }

    @BeforeEach
    void setUp() {
        db = open();
        search = new SearchStore(db);
        for (int day = 0; day < 7; day++) { // one post a day, 2025-11-20 to 2025-11-26
            SearchStoreTest.post(db, day, "FLUX.2 图像生成 day " + day, T.plus(Duration.ofDays(day)));
        }
        // an item dated by its digest's window end, 2025-11-26T08:00Z
        TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 1, 50);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static TimeRange days(int from, int to) {
        return new TimeRange(T.plus(Duration.ofDays(from)), T.plus(Duration.ofDays(to)));
    }

    @Test
    void keepsToTheRangeSinceIncludedUntilExcluded() {
        TopicSearch.Page page = search.search("flux.2", 1, 10, days(2, 5));

        assertThat(page.hits())
                .extracting(TopicSearch.Hit::url)
                .containsExactly(
                        "https://x.com/merve/status/4", "https://x.com/merve/status/3", "https://x.com/merve/status/2");
        assertThat(page.more()).isFalse();
    }

    @Test
    void severalTermsAndPagesKeepToTheRangeToo() {
        TopicSearch.Page first = search.search("FLUX.2 图像生成", 1, 2, days(1, 6));
        TopicSearch.Page second = search.search("FLUX.2 图像生成", 2, 2, days(1, 6));
        TopicSearch.Page third = search.search("FLUX.2 图像生成", 3, 2, days(1, 6));

        assertThat(first.hits())
                .extracting(TopicSearch.Hit::url)
                .containsExactly("https://x.com/merve/status/5", "https://x.com/merve/status/4");
        assertThat(first.more()).isTrue();
        assertThat(second.hits())
                .extracting(TopicSearch.Hit::url)
                .containsExactly("https://x.com/merve/status/3", "https://x.com/merve/status/2");
        assertThat(third.hits()).extracting(TopicSearch.Hit::url).containsExactly("https://x.com/merve/status/1");
        assertThat(third.more()).isFalse();
    }

    @Test
    void openEndsAndDigestItems() {
        Instant itemAt = Instant.parse("2025-11-26T08:00:00Z");

        assertThat(search.search("flux.2", 1, 20, new TimeRange(itemAt, null)).hits())
                .extracting(TopicSearch.Hit::kind)
                .containsExactly("item");
        assertThat(search.search("flux.2", 1, 20, new TimeRange(null, T.plus(Duration.ofDays(1))))
                        .hits())
                .extracting(TopicSearch.Hit::url)
                .containsExactly("https://x.com/merve/status/0");
        assertThat(search.search("flux.2", 1, 20, TimeRange.ALL).hits()).hasSize(8);
        assertThat(search.search("flux.2", 1, 20, new TimeRange(itemAt.plusSeconds(1), null))
                        .hits())
                .isEmpty();
    }
}
