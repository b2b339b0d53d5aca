package dev.aidigest.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops calling an endpoint that keeps failing: after {@code threshold} consecutive failed
 * attempts it stays open for the rest of the digest (one breaker per digest), so a dead LLM costs
 * a few milliseconds per story instead of a timeout each. It is a resilience4j breaker whose window
 * is the last {@code threshold} counted attempts, opening when every one of them failed and never
 * half-opening again. Attempts that say nothing about the endpoint (a rate limit) are not recorded.
 */
final class CircuitBreaker {

    /** Longer than any digest or report: once open, the breaker stays open for the object's life. */
    private static final Duration FOR_GOOD = Duration.ofDays(365);

    private final io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;

    CircuitBreaker(int threshold) {
        int window = Math.max(1, threshold);
        this.breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
                "llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(window)
                        .minimumNumberOfCalls(window)
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(FOR_GOOD)
                        .build());
        if (threshold <= 0) {
            breaker.transitionToForcedOpenState();
        }
    }

    boolean open() {
        return breaker.getState() != State.CLOSED;
    }

    void success() {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }

    void failure() {
        // what the breaker records for a failed attempt; the caller keeps and reports the real cause
        breaker.onError(0, TimeUnit.NANOSECONDS, new IllegalStateException("LLM attempt failed"));
    }
}
