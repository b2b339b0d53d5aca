package dev.aidigest.digest.review;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which stories a reviewer sees, and which of their posts: the top-ranked stories first (they are
 * what the digest will tell, so a duplicate or a stray post there costs most), then the near pairs,
 * closest first, each pair whole or not at all. Indexes out of range and a pair of a story with itself
 * are ignored.
 */
public final class ReviewCandidates {

    /** Posts shown per story: the lead, then one of each other author, then the rest. */
    public static final int POSTS_PER_STORY = 6;

    private ReviewCandidates() {}

    public static ShownStories choose(List<Story> stories, List<NearPair> near, List<Integer> top, int maxStories) {
        Set<Integer> chosen = new LinkedHashSet<>();
        for (Integer t : top) {
            if (chosen.size() < maxStories && t != null && t >= 0 && t < stories.size()) {
                chosen.add(t);
            }
        }
        List<NearPair> pairs = new ArrayList<>();
        for (NearPair p : near) {
            if (p.a() != p.b() && inRange(p.a(), stories) && inRange(p.b(), stories)) {
                pairs.add(p);
            }
        }
        pairs.sort(Comparator.comparingDouble(NearPair::score)
                .reversed()
                .thenComparingInt(NearPair::a)
                .thenComparingInt(NearPair::b));
        for (NearPair p : pairs) {
            int added = (chosen.contains(p.a()) ? 0 : 1) + (chosen.contains(p.b()) ? 0 : 1);
            if (chosen.size() + added <= maxStories) {
                chosen.add(p.a());
                chosen.add(p.b());
            }
        }
        Map<Integer, List<Long>> posts = new LinkedHashMap<>();
        for (int id : chosen) {
            posts.put(id, shownPosts(stories.get(id), POSTS_PER_STORY));
        }
        List<NearPair> shownPairs = pairs.stream()
                .filter(p -> chosen.contains(p.a()) && chosen.contains(p.b()))
                .toList();
        return new ShownStories(posts, shownPairs);
    }

    /**
     * Up to {@code max} post ids of {@code story}: the lead, then one post of each other author (a
     * post that does not belong is usually someone else's), then the rest in the story's order.
     */
    static List<Long> shownPosts(Story story, int max) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> authors = new HashSet<>();
        for (StoredPost p : story.posts()) {
            if (authors.add(p.post().authorHandle().toLowerCase(Locale.ROOT))) {
                ids.add(p.id());
            }
        }
        story.posts().forEach(p -> ids.add(p.id()));
        return ids.stream().limit(max).toList();
    }

    private static boolean inRange(int i, List<Story> stories) {
        return i >= 0 && i < stories.size();
    }
}
