package dev.aidigest.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One post as a source delivered it, normalised: the unit everything downstream works on.
 *
 * @param platform     {@code x} for X posts (API or RSSHub/Nitter routes), {@code rss} for ordinary feeds
 * @param platformId   the post's id on its platform (tweet id, or the feed entry's guid/link)
 * @param authorHandle the account handle without {@code @} ({@code dotey}); a feed's host for plain feeds
 * @param authorName   the display name exactly as the author writes it ({@code 宝玉})
 * @param text         the full plain text (X long posts: {@code note_tweet.text}), HTML removed
 * @param url          the canonical link ({@code https://x.com/<handle>/status/<id>})
 * @param lang         BCP-47-ish language tag as the source says it, or null
 * @param reference    the post this one retweets, quotes or replies to, or null
 * @param links        expanded external links in the text
 * @param media        media URLs or keys
 */
public record Post(
        String platform,
        String platformId,
        String authorHandle,
        String authorName,
        String text,
        Instant createdAt,
        String url,
        String lang,
        Metrics metrics,
        Reference reference,
        List<String> links,
        List<String> media,
        String conversationId) {

    public Post {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        authorName = authorName == null || authorName.isBlank() ? authorHandle : authorName;
        metrics = metrics == null ? Metrics.NONE : metrics;
        links = links == null ? List.of() : List.copyOf(links);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** Engagement counters at fetch time. */
    public record Metrics(int likes, int reposts, int replies, int quotes, long impressions) {
        public static final Metrics NONE = new Metrics(0, 0, 0, 0, 0);

        /** One number for "how much did people react", before normalising by the author's norm. */
        public double engagement() {
            return likes + 2.0 * reposts + 1.5 * quotes + 0.5 * replies;
        }
    }

    /**
     * What this post points at.
     *
     * @param type         {@code retweeted}, {@code quoted} or {@code replied_to} (X API v2 names)
     * @param platformId   the referenced post's id
     * @param authorHandle the referenced post's author when known (a reply to oneself is a thread)
     */
    public record Reference(String type, String platformId, String authorHandle) {
        public boolean isRetweet() {
            return "retweeted".equals(type);
        }

        public boolean isReply() {
            return "replied_to".equals(type);
        }

        public boolean isQuote() {
            return "quoted".equals(type);
        }
    }

    public boolean isRetweet() {
        return reference != null && reference.isRetweet();
    }

    /** A reply to someone else: without the post it answers it usually means nothing to a reader. */
    public boolean isReplyToOther() {
        return reference != null
                && reference.isReply()
                && (reference.authorHandle() == null
                        || !reference.authorHandle().equalsIgnoreCase(authorHandle));
    }
}
