package dev.aidigest.command;

import java.time.Instant;
import java.util.List;

/** Full-text search over digest items and posts, newest first (implemented in {@code search}). */
public interface TopicSearch {

    /**
     * One result: a digest item or a post.
     *
     * @param story the digest item it is, or for a post the newest digest item it is part of, as
     *              {@code slot#position} ({@code 2025.11.26.16#3}); null for a post in no digest
     */
    record Hit(String kind, String title, String url, Instant at, String story) {

        public Hit(String kind, String title, String url, Instant at) {
            this(kind, title, url, at, null);
        }
    }

    /**
     * A page of results and whether another page exists.
     *
     * @param indexedPercent how much of what is stored the index holds: below 100 while it catches up with
     *                       a database stored before search was indexed on write, so the page may miss some
     */
    record Page(List<Hit> hits, boolean more, int indexedPercent) {
        public Page {
            hits = List.copyOf(hits);
        }

        /** A page of an index that holds everything stored. */
        public Page(List<Hit> hits, boolean more) {
            this(hits, more, 100);
        }

        /** Whether the index is still catching up, so that "nothing found" may not be the last word. */
        public boolean catchingUp() {
            return indexedPercent < 100;
        }

        /** What a reader is told while the index catches up (chats and pages say the same). */
        public String catchingUpNote() {
            return "搜索索引仍在补建（已完成约 " + indexedPercent + "%），结果可能不全，请稍后再试。";
        }
    }

    /**
     * The time a result must fall in: at or after {@code since} and before {@code until}, either end
     * open when null. A post is dated by when it was posted, a digest item by its window's end.
     */
    record TimeRange(Instant since, Instant until) {
        public static final TimeRange ALL = new TimeRange(null, null);

        public TimeRange {
            if (since != null && until != null && !since.isBefore(until)) {
                throw new IllegalArgumentException("since " + since + " is not before until " + until);
            }
        }

        public boolean contains(Instant t) {
            return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
        }
    }

    /**
     * Results matching every word of {@code query} (Chinese segmented, Latin case-insensitive),
     * newest first; {@code page} counts from 1.
     */
    default Page search(String query, int page, int pageSize) {
        return search(query, page, pageSize, TimeRange.ALL);
    }

    /** As {@link #search(String, int, int)}, only what falls in {@code range}. */
    Page search(String query, int page, int pageSize, TimeRange range);
}
