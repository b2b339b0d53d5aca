package dev.aidigest.delivery;

import java.time.Duration;

/**
 * How the delivery worker paces itself.
 *
 * @param batch       rows claimed per round trip
 * @param lease       how long a claimed row stays with a worker that might have died (renewed while it works)
 * @param chatGap     pause between two messages to one chat (Telegram: ~1 per second)
 * @param maxAttempts failures (not rate limits) before a row is given up
 * @param backoff     first retry delay; doubles with each attempt, capped at one hour
 */
public record DeliverySettings(int batch, Duration lease, Duration chatGap, int maxAttempts, Duration backoff) {

    public static DeliverySettings defaults() {
        return new DeliverySettings(20, Duration.ofSeconds(10), Duration.ofMillis(1050), 8, Duration.ofSeconds(5));
    }

    Duration backoffAfter(int attempts) {
        long ms = backoff.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(ms, Duration.ofHours(1).toMillis()));
    }
}
