package dev.aidigest.edition;

import dev.aidigest.digest.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a stale digest from going out: when the newest stored post is older than the limit at the
 * slot's end, the sources have stopped delivering, and a digest of that window would be empty or old
 * news dressed as new.
 */
public final class Freshness {

    /** The sources look dead at this slot; the message says since when. */
    public static final class StaleSourcesException extends EditionWithheld {
        public StaleSourcesException(String message) {
            super(message);
        }
    }

    private final Function<Instant, Instant> newestPostUpTo;
    private final Duration limit;

    /** @param limit zero turns the check off */
    public Freshness(Supplier<Instant> newestPost, Duration limit) {
        this(upTo -> newestPost.get(), limit);
    }

    /**
     * @param newestPostUpTo the newest post created at or before the given time, or null: a post
     *                       dated after the slot's end cannot make dead sources look alive
     * @param limit          zero turns the check off
     */
    public Freshness(Function<Instant, Instant> newestPostUpTo, Duration limit) {
        this.newestPostUpTo = newestPostUpTo;
        this.limit = limit;
    }

    /** @throws StaleSourcesException when the newest post is older than the limit at the slot's end */
    public void check(Slot slot) {
        if (limit.isZero() || limit.isNegative()) {
            return;
        }
        Instant newest = newestPostUpTo.apply(slot.windowEnd());
        if (newest == null || newest.isBefore(slot.windowEnd().minus(limit))) {
            throw new StaleSourcesException("digest " + slot + " not made: newest post is "
                    + (newest == null ? "missing" : "from " + newest) + ", older than " + limit.toHours()
                    + " h before the slot's end; check the sources (ingest) — see /healthz");
        }
    }
}
