package dev.aidigest.report;

import java.time.Instant;
import java.util.List;

/**
 * One item of one of the day's digests, as stored: the words a reader already got.
 *
 * @param slot    the digest's slot name ({@code 2025.11.26.16})
 * @param postIds row ids of the posts of the item's story
 */
public record DayItem(
        String slot,
        Instant windowEnd,
        int position,
        String storyKey,
        String headline,
        String summary,
        String url,
        List<String> authors,
        List<Long> postIds,
        double score,
        boolean offline) {

    public DayItem {
        authors = List.copyOf(authors);
        postIds = List.copyOf(postIds);
    }
}
