package dev.aidigest.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-source circuit breaker: after n failures in a row a source rests 2^n minutes, at most
 * {@code max}, or until the time the source itself named (429). Kept in the source's own
 * {@link SourceState} so it survives restarts.
 */
final class Backoff {
    static final String FAILURES = "backoff.failures";
    static final String UNTIL = "backoff.until";

    private final Duration max;

    Backoff(Duration max) {
        this.max = max;
    }

    /** When the source may be tried again, if it is still resting at {@code now}. */
    Optional<Instant> restingUntil(SourceState state, Instant now) {
        return state.get(UNTIL).map(Instant::parse).filter(now::isBefore);
    }

    /** Records a failure and returns when to try again. */
    Instant failed(SourceState state, Instant now, Instant retryAfter) {
        int failures = state.get(FAILURES).map(Integer::parseInt).orElse(0) + 1;
        Instant cap = now.plus(max);
        Instant until;
        if (retryAfter != null && retryAfter.isAfter(now)) {
            until = retryAfter.isAfter(cap) ? cap : retryAfter;
        } else {
            until = now.plus(delay(failures));
        }
        state.put(FAILURES, Integer.toString(failures));
        state.put(UNTIL, until.toString());
        return until;
    }

    void succeeded(SourceState state) {
        if (state.get(FAILURES).filter(f -> !"0".equals(f)).isPresent()) {
            state.put(FAILURES, "0");
            state.put(UNTIL, Instant.EPOCH.toString());
        }
    }

    Duration delay(int failures) {
        // 2^n minutes overflows long after the cap; stop doubling once past it
        long minutes = failures >= 31 ? Long.MAX_VALUE : 1L << failures;
        return minutes >= max.toMinutes() ? max : Duration.ofMinutes(minutes);
    }
}
