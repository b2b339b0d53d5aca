package dev.aidigest.digest;

import dev.aidigest.config.AppConfig.ClusterConfig;
import dev.aidigest.digest.review.NearPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups a window's posts into stories.
 *
 * <p>Evidence for one pair ({@link Links}): the cosine of the window-centred embeddings
 * ({@link CentredVectors}), the rarest product name the two share ({@link EntityIndex}), and time.
 * A pair is linked when the similarity alone is high, or when it is moderate and they share a rare
 * name; a Chinese and a non-Chinese post that lead with the same name (even {@code ChatGPT}) link at
 * a lower similarity ({@link Links#CROSS_SCRIPT_SIMILARITY}); a lone quote of a post outside the
 * window links by the rare name it leads with, whatever its words. Posts of one author's thread,
 * and a post with the quotes of it, are one unit from the start ({@link ThreadUnit}). What a post
 * leads with is read from its lede (first line that names something, {@link Entities#ledeTokens}).
 *
 * <p>Groups are merged strongest link first, and only if more than half ({@link #LINK_SHARE}) of all
 * pairs across the two groups are linked — a post must be close to most of a story, not to one of
 * its posts: a chain A–B–C where A and C have nothing in common cannot become one blob. On top,
 * a group's subject name must appear in the other ({@link Groups}), and two stories about one
 * company share only the company name, which never counts ({@code generic-entities.txt}).
 *
 * <p>Cost: one pass over all pairs comparing 512-bit sketches, exact similarity for the ~8% that
 * survive; 5,000 posts take ~0.5 s on 2 busy cores (see {@code DigestBuildBench}).
 */
public final class StoryClusterer {

    private static final Logger log = LoggerFactory.getLogger(StoryClusterer.class);

    /** Two groups merge only if strictly more than this share of the pairs across them are linked. */
    static final double LINK_SHARE = 0.5;

    /** Weight a shared name needs when {@code clustering.min_entity_rarity} is 0 (automatic). */
    static final double DEFAULT_ENTITY_WEIGHT = 0.6;

    private final ClusterConfig config;
    private final Entities entities;
    private final Background background;

    public StoryClusterer(ClusterConfig config, Entities entities, Background background) {
        this.config = Objects.requireNonNull(config, "config");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.background = Objects.requireNonNull(background, "background");
    }

    static double rareWeight(ClusterConfig config) {
        return config.minEntityRarity() > 0 ? config.minEntityRarity() : DEFAULT_ENTITY_WEIGHT;
    }

    /** Stories of {@code posts}, every post in exactly one, ordered by their lead post's time. */
    public List<Story> cluster(List<StoredPost> posts) {
        return cluster(posts, centring(posts));
    }

    /**
     * Pairs of {@code stories} (as {@link #cluster} made them) that came close to being merged, for
     * the merge review. None yet: the merge does not keep its refused links.
     */
    public List<NearPair> nearPairs(List<Story> stories) {
        return List.of();
    }

    /** How this clusterer centres the embeddings of {@code posts}' window. */
    Centring centring(List<StoredPost> posts) {
        return Centring.of(posts, background);
    }

    List<Story> cluster(List<StoredPost> posts, Centring centring) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<ThreadUnit> units = ThreadUnit.of(posts);
        int n = units.size();
        List<String> texts = new ArrayList<>(n);
        List<float[]> vectors = new ArrayList<>(n);
        boolean[] cjk = new boolean[n];
        long[] seconds = new long[n];
        boolean[] orphanQuote = new boolean[n];
        for (int u = 0; u < n; u++) {
            ThreadUnit unit = units.get(u);
            texts.add(unit.text());
            vectors.add(unit.vector());
            cjk[u] = PostWords.isCjk(unit.text());
            seconds[u] = unit.start().getEpochSecond();
            orphanQuote[u] = unit.quotesOutside();
        }
        long t0 = System.nanoTime();
        EntityIndex names = EntityIndex.build(texts, entities);
        long t1 = System.nanoTime();
        CentredVectors centred = CentredVectors.of(vectors, cjk, centring);
        Links links = Links.find(centred, names, seconds, orphanQuote, config);
        long t2 = System.nanoTime();
        int[] groupOf = merge(names, links, rareWeight(config));
        List<Story> stories = StoryOrder.stories(units, groupOf);
        if (log.isDebugEnabled()) {
            log.debug(
                    "clustered {} units: names {} ms, {} links {} ms, merge {} ms, {} stories",
                    n,
                    (t1 - t0) / 1_000_000,
                    links.count(),
                    (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000,
                    stories.size());
        }
        return stories;
    }

    private static int[] merge(EntityIndex names, Links links, double rareWeight) {
        Groups groups = new Groups(names, rareWeight);
        // A refused pair of groups is not checked again until one of them grows: dense windows have
        // thousands of links between the same two big groups.
        Map<Long, Long> refused = new HashMap<>();
        long n = names.size();
        for (int k = 0; k < links.count(); k++) {
            int a = groups.groupOf(links.a(k));
            int b = groups.groupOf(links.b(k));
            if (a == b) {
                continue;
            }
            if (groups.members(a).size() > groups.members(b).size()
                    || (groups.members(a).size() == groups.members(b).size() && a > b)) {
                int t = a;
                a = b;
                b = t;
            }
            long pair = Math.min(a, b) * n + Math.max(a, b);
            long versions = ((long) groups.version(Math.min(a, b)) << 32) | groups.version(Math.max(a, b));
            if (Long.valueOf(versions).equals(refused.get(pair))) {
                continue;
            }
            long linked = 0;
            for (int m : groups.members(a)) {
                for (int q : links.neighbours(m)) {
                    if (groups.groupOf(q) == b) {
                        linked++;
                    }
                }
            }
            long pairs = (long) groups.members(a).size() * groups.members(b).size();
            boolean enough = linked > LINK_SHARE * pairs
                    || (linked == LINK_SHARE * pairs && pairs > 1 && groups.sameSubject(a, b));
            if (enough && groups.subjectsAgree(a, b)) {
                groups.merge(a, b);
            } else {
                refused.put(pair, versions);
            }
        }
        return groups.assignment();
    }
}
