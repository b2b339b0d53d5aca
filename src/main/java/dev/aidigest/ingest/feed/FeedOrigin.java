package dev.aidigest.ingest.feed;

/**
 * Who a feed belongs to, from sources.yml: {@code handle}/{@code authorName} attribute the entries
 * of one person's feed; {@code url} is where it was fetched (its host names the feed otherwise).
 * Any part may be null.
 */
public record FeedOrigin(String handle, String authorName, String url) {
    public static final FeedOrigin NONE = new FeedOrigin(null, null, null);
}
