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

    private final List<Story> stories;
    private final List<ThreadUnit> units;
    private final PairScorer scorer;
    private final Links links;
    private final int[] groupOf;
    private final double threshold;
    private final StoryClusterer.Across across;

    Clustering(
            List<Story> stories,
            List<ThreadUnit> units,
            PairScorer scorer,
            Links links,
            int[] groupOf,
            StoryClusterer.Across across) {
        this(stories, units, scorer, links, groupOf, across, scorer.threshold());
    }

    private Clustering(
            List<Story> stories,
            List<ThreadUnit> units,
            PairScorer scorer,
            Links links,
            int[] groupOf,
            StoryClusterer.Across across,
            double threshold) {
        this.across = across;
        this.stories = List.copyOf(stories);
        this.units = units;
        this.scorer = scorer;
        this.links = links;
        this.groupOf = groupOf;
        this.threshold = threshold;
    }

    /** The clustering of a window without posts, by a model linking at {@code threshold}. */
    static Clustering empty(double threshold) {
        return new Clustering(List.of(), List.of(), null, null, new int[0], null, threshold);
    }

    public List<Story> stories() {
        return stories;
    }

    /** The probability at which the story model links a pair. */
    public double threshold() {
        return threshold;
    }

    /** A pair of posts the model looked at: the other unit's first post, its probability and evidence. */
    public record Link(StoredPost other, double probability, PairEvidence evidence) {}

    /**
     * What happened to one unit: its posts, the links to units of the same story, the most probable
     * pair below the threshold (null when no pair came near), and the strongest link to a unit of
     * another story (null when none).
     */
    public record UnitTrace(List<StoredPost> posts, List<Link> joinedBy, Link closestRefused, Unmerged unmerged) {}

    /**
     * A link the model made to a unit that ended in another story: average linkage refused the merge.
     *
     * @param meanAcross the mean probability over all pairs of units across the two final stories
     */
    public record Unmerged(Link link, double meanAcross) {}

    /** One trace per unit, in the order the units were formed. */
    public List<UnitTrace> traces() {
        Map<Integer, List<Integer>> membersOf = members();
        Map<Long, Double> meanOf = new HashMap<>();
        List<UnitTrace> out = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            List<Link> joined = new ArrayList<>();
            int apart = -1;
            double apartP = -1;
            for (int v : links.neighbours(u)) {
                if (groupOf[v] == groupOf[u]) {
                    joined.add(link(u, v));
                } else {
                    double p = scorer.probability(u, v);
                    if (p > apartP) {
                        apart = v;
                        apartP = p;
                    }
                }
            }
            joined.sort((x, y) -> Double.compare(y.probability(), x.probability()));
            int r = links.refusedWith(u);
            Unmerged unmerged = null;
            if (apart >= 0) {
                int ga = Math.min(groupOf[u], groupOf[apart]);
                int gb = Math.max(groupOf[u], groupOf[apart]);
                double mean = meanOf.computeIfAbsent(
                        ga * (long) units.size() + gb,
                        k -> across.mean(
                                ga,
                                gb,
                                membersOf.get(ga).size(),
                                membersOf.get(gb).size()));
                unmerged = new Unmerged(link(u, apart), mean);
            }
            out.add(new UnitTrace(units.get(u).posts(), joined, r < 0 ? null : link(u, r), unmerged));
        }
        return out;
    }

    private Map<Integer, List<Integer>> members() {
        Map<Integer, List<Integer>> membersOf = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            membersOf.computeIfAbsent(groupOf[u], k -> new ArrayList<>()).add(u);
        }
        return membersOf;
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
        IdentityHashMap<StoredPost, Integer> storyOfLead = new IdentityHashMap<>();
        for (int s = 0; s < stories.size(); s++) {
            storyOfLead.put(stories.get(s).posts().get(0), s);
        }
        Map<Integer, List<Integer>> membersOf = members();
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
                double mean = across.mean(
                        ga, gb, membersOf.get(ga).size(), membersOf.get(gb).size());
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

    /**
     * How the model saw the units that hold two posts of the window: the probability and evidence of
     * that pair (empty when a post is not in a unit, or both are in the same one).
     */
    public java.util.Optional<Link> between(StoredPost a, StoredPost b) {
        int ua = unitOf(a);
        int ub = unitOf(b);
        return ua < 0 || ub < 0 || ua == ub ? java.util.Optional.empty() : java.util.Optional.of(link(ua, ub));
    }

    private int unitOf(StoredPost p) {
        for (int u = 0; u < units.size(); u++) {
            for (StoredPost q : units.get(u).posts()) {
                if (q.id() == p.id()) {
                    return u;
                }
            }
        }
        return -1;
    }

    private Link link(int u, int v) {
        PairEvidence e = scorer.evidence(u, v);
        return new Link(units.get(v).posts().get(0), scorer.probability(u, v), e);
    }
}
