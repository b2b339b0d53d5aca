package dev.aidigest.channel;

import java.time.Duration;

/**
 * A bot's global send rate (Telegram: 30 messages/s): each message reserves the next free slot and
 * waits for it. {@link #local} keeps the budget in this process; on several nodes the budget lives in
 * the database ({@code store.RateBudgetStore}), so every node draws from the one budget of the bot.
 */
public interface RateBudget {

    /** Reserves the next slot and returns how long to wait for it (zero when it is now). */
    Duration reserve();

    /** The platform answered 429 with {@code retryAfter}: no message of this bot goes out before then. */
    void pause(Duration retryAfter);

    /** A budget of {@code perSecond} evenly spaced slots, kept in this process. */
    static RateBudget local(double perSecond) {
        long gap = (long) (1_000_000_000L / perSecond);
        return new RateBudget() {
            private long next;
            private boolean started;

            @Override
            public synchronized Duration reserve() {
                long now = System.nanoTime();
                long at = started ? Math.max(now, next) : now;
                started = true;
                next = at + gap;
                return Duration.ofNanos(at - now);
            }

            @Override
            public synchronized void pause(Duration retryAfter) {
                long until = System.nanoTime() + retryAfter.toNanos();
                if (!started || until > next) {
                    next = until;
                    started = true;
                }
            }
        };
    }
}
