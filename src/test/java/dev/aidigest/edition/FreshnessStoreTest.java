package dev.aidigest.edition;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.digest.Slot;
import dev.aidigest.store.Database;
import dev.aidigest.store.PostStore;
import dev.aidigest.testing.Posts;
import dev.aidigest.testing.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stale-source guard over the real store: a post dated in the future cannot switch it off. */
class FreshnessStoreTest {

    final Database db = TestDb.h2();
    final PostStore posts = new PostStore(db, Clock.fixed(Instant.parse("2025-11-26T08:00:00Z"), ZoneOffset.UTC));
    final Slot slot = Slot.parse("2025.11.26.16", ZoneId.of("Asia/Shanghai")); // ends 08:00Z

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPostFromTheYear2999DoesNotMakeYearOldSourcesLookAlive() {
        // stored before posts were checked at parse time, or by a source that does not check
        posts.add(
                List.of(
                        Posts.x("1000", "old", "old", "a year ago", Instant.parse("2024-11-26T08:00:00Z")),
                        Posts.x("2000", "future", "future", "from the future", Instant.parse("2999-01-01T00:00:00Z"))),
                List.of(new float[] {1f}, new float[] {1f}),
                "m");

        Freshness guard = new Freshness((Instant upTo) -> posts.newestPostAt(upTo), Duration.ofHours(12));

        assertThatThrownBy(() -> guard.check(slot))
                .isInstanceOf(Freshness.StaleSourcesException.class)
                .hasMessageContaining("2024-11-26T08:00:00Z");
    }
}
