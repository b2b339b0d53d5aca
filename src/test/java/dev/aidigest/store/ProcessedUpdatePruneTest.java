package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** processed_update does not grow forever: ids older than a week are pruned as new ones arrive. */
class ProcessedUpdatePruneTest {

    final Database db = TestDb.h2();
    final TestClock clock = new TestClock(Instant.parse("2025-11-01T00:00:00Z"));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void updatesHandledMoreThanAWeekAgoAreForgottenRecentOnesKept() {
        ChatStore first = new ChatStore(db, clock);
        assertThat(first.firstTime("telegram", 1)).isTrue();
        assertThat(first.firstTime("telegram", 2)).isTrue();
        clock.advance(Duration.ofDays(6));
        assertThat(first.firstTime("telegram", 3)).isTrue();
        clock.advance(Duration.ofDays(2)); // 1 and 2 are 8 days old now, 3 is 2 days old

        ChatStore restarted = new ChatStore(db, clock);
        assertThat(restarted.firstTime("telegram", 4)).isTrue();

        assertThat(TestDb.column(db, "SELECT update_id FROM processed_update ORDER BY update_id"))
                .containsExactly("3", "4");
        assertThat(restarted.firstTime("telegram", 3)).as("still deduplicated").isFalse();
    }
}
