package dev.aidigest.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the report of one day is made from: the items of the digests whose window ended that day
 * (slots 04 … 24 in the zone), deduplicated by story, and the posts created that day.
 *
 * @param items      the day's items, one per story (the last telling wins), best first
 * @param posts      every post created in {@code [start, end)}
 * @param digests    how many digests the items come from
 * @param categories the digests' categories, most frequent first
 */
public record DayMaterial(
        LocalDate date,
        ZoneId zone,
        Instant start,
        Instant end,
        List<DayItem> items,
        List<DayPost> posts,
        int digests,
        List<String> categories) {

    public DayMaterial {
        items = List.copyOf(items);
        posts = List.copyOf(posts);
        categories = List.copyOf(categories);
    }

    /** Distinct authors of the day's posts. */
    public int accounts() {
        return (int) posts.stream().map(DayPost::authorHandle).distinct().count();
    }
}
