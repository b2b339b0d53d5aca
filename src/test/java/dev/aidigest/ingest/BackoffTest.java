package dev.aidigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.InMemorySourceStates;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofHours(24));
    private final SourceState state = new InMemorySourceStates().of("s");
    private final Instant now = Instant.parse("2025-11-26T08:00:00Z");

    @Test
    void restsTwoToThePowerOfFailuresMinutesCappedAtTheMaximum() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delay(10)).isEqualTo(Duration.ofMinutes(1024));
        assertThat(backoff.delay(11)).isEqualTo(Duration.ofHours(24));
        assertThat(backoff.delay(500)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSourceRestsAfterFailingAndIsFreshAfterSucceeding() {
        assertThat(backoff.failed(state, now, null)).isEqualTo(now.plus(Duration.ofMinutes(2)));
        assertThat(backoff.failed(state, now, null)).isEqualTo(now.plus(Duration.ofMinutes(4)));
        assertThat(backoff.restingUntil(state, now.plusSeconds(60))).contains(now.plus(Duration.ofMinutes(4)));
        assertThat(backoff.restingUntil(state, now.plus(Duration.ofMinutes(4)))).isEmpty();

        backoff.succeeded(state);

        assertThat(backoff.restingUntil(state, now)).isEmpty();
        assertThat(backoff.failed(state, now, null)).isEqualTo(now.plus(Duration.ofMinutes(2)));
    }

    @Test
    void theTimeASourceAskedForWinsButNeverBeyondTheMaximum() {
        Instant reset = now.plus(Duration.ofMinutes(13));
        assertThat(backoff.failed(state, now, reset)).isEqualTo(reset);
        assertThat(backoff.failed(state, now, now.plus(Duration.ofDays(30)))).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(backoff.failed(state, now, now.minusSeconds(5))).isEqualTo(now.plus(Duration.ofMinutes(8)));
    }
}
