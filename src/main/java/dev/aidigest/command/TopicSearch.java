package dev.aidigest.command;

import java.time.Instant;
import java.util.List;

/** Full-text search over digest items and posts, newest first (implemented in {@code search}). */
public interface TopicSearch {

    /** One result: a digest item or a post. */
    record Hit(String kind, String title, String url, Instant at) {}

    /** A page of results and whether another page exists. */
    record Page(List<Hit> hits, boolean more) {
        public Page {
            hits = List.copyOf(hits);
        }
    }

    /**
     * Results matching every word of {@code query} (Chinese segmented, Latin case-insensitive),
     * newest first; {@code page} counts from 1.
     */
    Page search(String query, int page, int pageSize);
}
