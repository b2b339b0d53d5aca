package dev.aidigest.digest.cluster;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import java.util.ArrayList;
import java.util.List;

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

    private Link link(int u, int v) {
        PairEvidence e = scorer.evidence(u, v);
        return new Link(units.get(v).posts().get(0), scorer.probability(u, v), e);
    }
}
