package dev.aidigest.digest.cluster;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns groups of units into {@link Story} values with their posts in reading order: the lead
 * post first (the most engaging original post; the earliest on a tie, its link is the item's
 * link), then the lead author's other posts, then the other authors by their best post's
 * engagement, so {@link Story#authors()} lists the most relevant first.
 */
final class StoryOrder {

    private static final Comparator<StoredPost> LEAD = Comparator.comparing(
                    (StoredPost p) -> isOriginal(p.post()) ? 0 : 1)
            .thenComparing(p -> -p.post().metrics().engagement())
            .thenComparing(p -> p.post().createdAt())
            .thenComparingLong(StoredPost::id);

    private StoryOrder() {}

    static List<Story> stories(List<ThreadUnit> units, int[] groupOf) {
        Map<Integer, List<StoredPost>> groups = new LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
            groups.computeIfAbsent(groupOf[u], k -> new ArrayList<>())
                    .addAll(units.get(u).posts());
        }
        List<Story> stories = new ArrayList<>(groups.size());
        for (List<StoredPost> posts : groups.values()) {
            stories.add(new Story(ordered(posts)));
        }
        stories.sort(Comparator.comparing((Story s) -> s.lead().post().createdAt())
                .thenComparingLong(s -> s.lead().id()));
        return stories;
    }

    @SuppressWarnings("ReferenceEquality") // the lead is this very post object
    static List<StoredPost> ordered(List<StoredPost> posts) {
        List<StoredPost> sorted = new ArrayList<>(posts);
        sorted.sort(LEAD);
        StoredPost lead = sorted.get(0);
        Map<String, StoredPost> bestByAuthor = new HashMap<>();
        for (StoredPost p : sorted) {
            bestByAuthor.putIfAbsent(author(p), p); // sorted by LEAD, so the first seen is the best
        }
        String leadAuthor = author(lead);
        sorted.sort(Comparator.comparing((StoredPost p) -> p == lead ? 0 : 1)
                .thenComparing(p -> author(p).equals(leadAuthor) ? 0 : 1)
                .thenComparing(p -> bestByAuthor.get(author(p)), LEAD)
                .thenComparing(p -> p.post().createdAt())
                .thenComparingLong(StoredPost::id));
        return sorted;
    }

    private static boolean isOriginal(Post p) {
        return p.reference() == null || !p.reference().isReply();
    }

    private static String author(StoredPost p) {
        return p.post().authorHandle().toLowerCase(Locale.ROOT);
    }
}
