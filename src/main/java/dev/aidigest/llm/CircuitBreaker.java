package dev.aidigest.llm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops calling an endpoint that keeps failing: after {@code threshold} consecutive failed
 * attempts it stays open for the rest of the digest (one breaker per digest), so a dead LLM costs
 * a few milliseconds per story instead of a timeout each.
 */
final class CircuitBreaker {

    private final int threshold;
    private final AtomicInteger consecutive = new AtomicInteger();

    CircuitBreaker(int threshold) {
        this.threshold = threshold;
    }

    boolean open() {
        return consecutive.get() >= threshold;
    }

    void success() {
        if (!open()) {
            consecutive.set(0);
        }
    }

    void failure() {
        consecutive.incrementAndGet();
    }
}
