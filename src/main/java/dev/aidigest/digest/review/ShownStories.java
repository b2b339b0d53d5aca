package dev.aidigest.digest.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer was shown: story ids in the order shown, the post ids shown of each, and the near
 * pairs among them. Only these may appear in an answer that is applied.
 *
 * @param posts story id → ids of its posts that were shown (the lead first)
 * @param near  near pairs whose two stories were both shown
 */
public record ShownStories(Map<Integer, List<Long>> posts, List<NearPair> near) {

    public ShownStories {
        Map<Integer, List<Long>> copy = new LinkedHashMap<>();
        posts.forEach((story, ids) -> copy.put(story, List.copyOf(ids)));
        posts = Collections.unmodifiableMap(copy);
        near = List.copyOf(near);
    }

    public List<Integer> stories() {
        return List.copyOf(posts.keySet());
    }

    public boolean shows(int story) {
        return posts.containsKey(story);
    }

    public boolean shows(int story, long post) {
        List<Long> ids = posts.get(story);
        return ids != null && ids.contains(post);
    }

    public int size() {
        return posts.size();
    }

    /** Worth a call: two stories to compare, or a story with a post that might not belong. */
    public boolean worthAsking() {
        return posts.size() >= 2 || posts.values().stream().anyMatch(ids -> ids.size() >= 2);
    }

    /** The first {@code n} stories shown and the near pairs among them. */
    public ShownStories first(int n) {
        Map<Integer, List<Long>> kept = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Long>> e : posts.entrySet()) {
            if (kept.size() == n) {
                break;
            }
            kept.put(e.getKey(), e.getValue());
        }
        List<NearPair> pairs = new ArrayList<>();
        for (NearPair p : near) {
            if (kept.containsKey(p.a()) && kept.containsKey(p.b())) {
                pairs.add(p);
            }
        }
        return new ShownStories(kept, pairs);
    }
}
