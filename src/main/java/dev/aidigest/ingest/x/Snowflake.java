package dev.aidigest.ingest.x;

import java.time.Instant;

/**
 * The time inside an X post id. Ids since November 2010 are snowflakes (milliseconds since
 * Twitter's epoch, shifted left 22 bits), so a post fetched without {@code created_at} (default
 * fields, RSS routes without dates) still has its true time.
 */
public final class Snowflake {
    private static final long TWITTER_EPOCH_MS = 1288834974657L;
    /** Older ids were a plain sequence that ended below this; they carry no time. */
    private static final long FIRST = 30_000_000_000L;

    private Snowflake() {}

    /** The time of a post id, or null when the id is not a snowflake. */
    public static Instant time(String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
        return n < FIRST ? null : Instant.ofEpochMilli((n >> 22) + TWITTER_EPOCH_MS);
    }
}
