package dev.aidigest.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the web archive reads: stored digests and reports with their markdown (implemented by {@code store.SiteArchiveStore}). */
public interface SiteArchive {

    /**
     * One stored digest or report.
     *
     * @param kind {@code digest} or {@code report}
     * @param slot {@code 2025.11.26.16} for a digest, {@code 2025-11-26} for a report
     */
    record Entry(
            String kind,
            String slot,
            String title,
            Instant windowEnd,
            List<String> categories,
            int items,
            String engine) {
        public Entry {
            categories = List.copyOf(categories);
        }
    }

    /** An entry and its stored markdown (front matter included). */
    record Page(Entry entry, String markdown) {}

    /** The newest entries of both kinds, newest window first. */
    List<Entry> recent(int limit);

    /** The newest entries of one kind with their markdown, newest first (the feed). */
    List<Page> recentPages(String kind, int limit);

    Optional<Page> page(String kind, String slot);

    /** A report's word-cloud PNG by its file name ({@code 2025-11-26-wordcloud.png}). */
    Optional<byte[]> image(String name);
}
