package dev.aidigest.edition;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.digest.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    final Slot slot = Slot.parse("2025.11.26.16", ZoneId.of("Asia/Shanghai")); // ends 08:00Z

    @Test
    void recentPostsPass() {
        Freshness f = new Freshness(() -> Instant.parse("2025-11-26T07:59:00Z"), Duration.ofHours(12));
        assertThatCode(() -> f.check(slot)).doesNotThrowAnyException();
    }

    @Test
    void postsOlderThanTheLimitAtTheSlotsEndStopTheDigest() {
        Freshness f = new Freshness(() -> Instant.parse("2025-11-25T19:59:00Z"), Duration.ofHours(12));
        assertThatThrownBy(() -> f.check(slot))
                .isInstanceOf(Freshness.StaleSourcesException.class)
                .hasMessageContaining("2025.11.26.16")
                .hasMessageContaining("12 h");
    }

    @Test
    void noPostsAtAllIsStale() {
        assertThatThrownBy(() -> new Freshness(() -> null, Duration.ofHours(12)).check(slot))
                .isInstanceOf(Freshness.StaleSourcesException.class);
    }

    @Test
    void zeroTurnsTheCheckOff() {
        assertThatCode(() -> new Freshness(() -> null, Duration.ZERO).check(slot))
                .doesNotThrowAnyException();
    }
}
