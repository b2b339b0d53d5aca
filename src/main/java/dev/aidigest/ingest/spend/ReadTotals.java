package dev.aidigest.ingest.spend;

/**
 * Reads over a period.
 *
 * @param posts  posts returned (each time it was returned)
 * @param users  users returned
 * @param micros what was charged
 */
public record ReadTotals(long calls, long posts, long users, long micros) {
    public static final ReadTotals ZERO = new ReadTotals(0, 0, 0, 0);

    public ReadTotals plus(ReadTotals o) {
        return new ReadTotals(calls + o.calls, posts + o.posts, users + o.users, micros + o.micros);
    }
}
