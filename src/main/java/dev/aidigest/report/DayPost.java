package dev.aidigest.report;

import java.time.Instant;

/**
 * A post of the day, as much of it as the report needs.
 *
 * @param refType {@code retweeted}, {@code quoted}, {@code replied_to} or null
 */
public record DayPost(
        long id,
        String authorHandle,
        String authorName,
        String text,
        String url,
        Instant createdAt,
        int likes,
        int reposts,
        String refType) {

    public boolean isRetweet() {
        return "retweeted".equals(refType);
    }

    /** Likes plus reposts counted double, like the ranker's engagement. */
    public double engagement() {
        return likes + 2.0 * reposts;
    }

    /** The link to the post, made from the handle and id when the source gave none. */
    public String link() {
        return url != null && !url.isBlank() ? url : "https://x.com/" + authorHandle;
    }
}
