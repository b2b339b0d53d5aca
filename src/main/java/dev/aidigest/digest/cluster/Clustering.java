package dev.aidigest.digest.cluster;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.review.NearPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stories of one window and what decided them: for each unit (a post, a self-thread, a post with
 * its quotes) the links that joined it and the closest pair the model refused, each with its evidence.
 */
public final class Clustering {

    static final Clustering EMPTY = new Clustering(List.of(), List.of(), null, null, new int[0]);

    private final List<Story> stories;
    private final List<ThreadUnit> units;
    private final PairScorer scorer;
    private final Links links;
    private final int[] groupOf;

    Clustering(List<Story> stories, List<ThreadUnit> units, PairScorer scorer, Links links, int[] groupOf) {
        this.stories = List.copyOf(stories);
        this.units = units;
        this.scorer = scorer;
        this.links = links;
        this.groupOf = groupOf;
    }

    public List<Story> stories() {
        return stories;
    }

    /** A pair of posts the model looked at: the other unit's first post, its probability and evidence. */
    public record Link(StoredPost other, double probability, PairEvidence evidence) {}

    /** What happened to one unit: its posts, the links to units of the same story, the closest refusal. */
    public record UnitTrace(List<StoredPost> posts, List<Link> joinedBy, Link closestRefused) {}

    /** One trace per unit, in the order the units were formed. */
    public List<UnitTrace> traces() {
        List<UnitTrace> out = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            List<Link> joined = new ArrayList<>();
            for (int v : links.neighbours(u)) {
                if (groupOf[v] == groupOf[u]) {
                    joined.add(link(u, v));
                }
            }
            joined.sort((x, y) -> Double.compare(y.probability(), x.probability()));
            int r = links.refusedWith(u);
            out.add(new UnitTrace(units.get(u).posts(), joined, r < 0 ? null : link(u, r)));
        }
        return out;
    }

    /**
     * Up to {@code max} pairs of stories (indexes into {@link #stories()}) that the model linked or
     * almost linked somewhere but did not merge, by their mean probability across, most probable
     * first: the decisions a second look (the LLM merge review) can settle.
     */
    public List<NearPair> nearPairs(int max) {
        if (units.isEmpty()) {
            return List.of();
        }
        Map<Integer, Integer> storyOfGroup = new HashMap<>();
        Map<StoredPost, Integer> storyOfLead = new IdentityHashMap<>();
        for (int s = 0; s < stories.size(); s++) {
            storyOfLead.put(stories.get(s).posts().get(0), s);
        }
        Map<Integer, List<Integer>> membersOf = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            membersOf.computeIfAbsent(groupOf[u], k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<Integer, List<Integer>> e : membersOf.entrySet()) {
            for (int u : e.getValue()) {
                for (StoredPost p : units.get(u).posts()) {
                    Integer s = storyOfLead.get(p);
                    if (s != null) {
                        storyOfGroup.put(e.getKey(), s);
                    }
                }
            }
        }
        Set<Long> seen = new HashSet<>();
        List<NearPair> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            List<Integer> others = new ArrayList<>();
            for (int v : links.neighbours(u)) {
                others.add(v);
            }
            if (links.refusedWith(u) >= 0 && links.refusedProbability(u) >= NEAR * scorer.threshold()) {
                others.add(links.refusedWith(u));
            }
            for (int v : others) {
                int ga = groupOf[u];
                int gb = groupOf[v];
                if (ga == gb || !seen.add(Math.min(ga, gb) * (long) units.size() + Math.max(ga, gb))) {
                    continue;
                }
                double mean = StoryClusterer.meanProbability(membersOf.get(ga), membersOf.get(gb), scorer);
                if (mean >= NEAR * scorer.threshold()) {
                    int a = storyOfGroup.get(ga);
                    int b = storyOfGroup.get(gb);
                    out.add(new NearPair(Math.min(a, b), Math.max(a, b), mean));
                }
            }
        }
        out.sort(Comparator.comparingDouble(NearPair::score).reversed());
        return out.subList(0, Math.min(max, out.size()));
    }

    /** A pair of stories whose mean probability is at least this share of the threshold is near. */
    static final double NEAR = 0.5;

    private Link link(int u, int v) {
        PairEvidence e = scorer.evidence(u, v);
        return new Link(units.get(v).posts().get(0), scorer.probability(u, v), e);
    }
}
