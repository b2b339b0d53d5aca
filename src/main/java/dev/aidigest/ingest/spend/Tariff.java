package dev.aidigest.ingest.spend;

/**
 * How one reader bills, in micro-dollars (1 USD = 1,000,000).
 *
 * @param postMicros    per post returned
 * @param userMicros    per user returned
 * @param minCallMicros the least a successful call costs, even with nothing in it
 * @param oncePerDay    each post and user is charged once per UTC day (X pay-per-use); false: every
 *     time it is returned
 */
public record Tariff(long postMicros, long userMicros, long minCallMicros, boolean oncePerDay) {

    /** The X API's pay-per-use prices. */
    public static Tariff xPayPerUse(double postUsd, double userUsd) {
        return new Tariff(Usd.micros(postUsd), Usd.micros(userUsd), 0, true);
    }

    /** The cost of a call that returns {@code posts} new posts and {@code users} new users. */
    public long cost(long posts, long users) {
        return Math.max(minCallMicros, posts * postMicros + users * userMicros);
    }
}
