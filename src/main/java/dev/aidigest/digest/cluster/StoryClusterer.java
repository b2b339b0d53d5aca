package dev.aidigest.digest.cluster;

import dev.aidigest.config.AppConfig.ClusterConfig;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.PostWords;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.text.Aliases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups a window's posts into stories.
 *
 * <p>Posts of one author's thread, and a post with the quotes of it, are one unit from the start
 * ({@link ThreadUnit}). For every pair of units the evidence ({@link PairEvidence}: centred
 * similarity, the rarest shared name after alias normalisation, a common lead, clashing subjects,
 * same author, same link, reply/quote, time, language pair) goes through one fitted model
 * ({@link StoryModel}), which links the pair when it is probable enough.
 *
 * <p>Groups are merged strongest link first, and only if the mean probability over all pairs across
 * the two groups reaches the model's threshold (average linkage): a post must be close to a story
 * as a whole, not to one of its posts, so a chain of posts that each resemble the next cannot become
 * one blob.
 *
 * <p>Cost: one pass over all pairs comparing 512-bit sketches, exact similarity for the survivors
 * and for the pairs that share a name; see {@code DigestBuildBench}.
 */
public final class StoryClusterer {

    private static final Logger log = LoggerFactory.getLogger(StoryClusterer.class);

    private final ClusterConfig config;
    private final Entities entities;
    private final Background background;
    private final StoryModel model;
    private final Aliases terms;

    public StoryClusterer(ClusterConfig config, Entities entities, Background background, StoryModel model) {
        this(config, entities, background, model, Aliases.bundledTerms());
    }

    /** @param terms the words of AI news that mean one thing in Chinese and English ({@code config/terms.yml}) */
    public StoryClusterer(
            ClusterConfig config, Entities entities, Background background, StoryModel model, Aliases terms) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.config = Objects.requireNonNull(config, "config");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.background = Objects.requireNonNull(background, "background");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Stories of {@code posts}, every post in exactly one, ordered by their lead post's time. */
    public List<Story> cluster(List<StoredPost> posts) {
        return cluster(posts, centring(posts));
    }

    /** How this clusterer centres the embeddings of {@code posts}' window. */
    public Centring centring(List<StoredPost> posts) {
        return Centring.of(posts, background);
    }

    public List<Story> cluster(List<StoredPost> posts, Centring centring) {
        return analyse(posts, centring).stories();
    }

    /** The stories with what decided them: units, links and their evidence. */
    public Clustering analyse(List<StoredPost> posts, Centring centring) {
        if (posts.isEmpty()) {
            return Clustering.empty(model.threshold());
        }
        long t0 = System.nanoTime();
        Window w = window(posts, centring);
        long t1 = System.nanoTime();
        Links links = w.scorer().links(config.maxHoursApart());
        long t2 = System.nanoTime();
        Merged merged = merge(w.units().size(), links, model.threshold());
        int[] groupOf = merged.groupOf();
        List<Story> stories = StoryOrder.stories(w.units(), groupOf);
        if (log.isDebugEnabled()) {
            log.debug(
                    "clustered {} units: names {} ms, {} links {} ms, merge {} ms, {} stories",
                    w.units().size(),
                    (t1 - t0) / 1_000_000,
                    links.count(),
                    (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000,
                    stories.size());
        }
        return new Clustering(stories, w.units(), w.scorer(), links, groupOf, merged.across());
    }

    /** A window's units with their names and vectors, ready to score any pair. */
    record Window(List<ThreadUnit> units, EntityIndex names, PairScorer scorer) {}

    Window window(List<StoredPost> posts, Centring centring) {
        List<ThreadUnit> units = ThreadUnit.of(posts);
        int n = units.size();
        List<String> texts = new ArrayList<>(n);
        List<float[]> vectors = new ArrayList<>(n);
        List<Set<String>> authors = new ArrayList<>(n);
        boolean[] cjk = new boolean[n];
        for (int u = 0; u < n; u++) {
            ThreadUnit unit = units.get(u);
            texts.add(unit.text());
            Set<String> who = new TreeSet<>();
            unit.posts()
                    .forEach(p -> who.addAll(entities.authorEntities(p.post().authorName())));
            authors.add(who);
            vectors.add(unit.vector());
            cjk[u] = PostWords.isCjk(unit.text());
        }
        EntityIndex names = EntityIndex.build(texts, authors, entities);
        CentredVectors centred = CentredVectors.of(vectors, cjk, centring);
        WordVectors words = WordVectors.of(texts, entities.aliases(), terms, entities.stopwords());
        return new Window(units, names, new PairScorer(units, centred, names, words, model));
    }

    /**
     * Below this probability two units have nothing in common: such pairs are not kept, and count as
     * 0 in the mean across two groups.
     */
    static final double NOTHING_IN_COMMON = 0.05;

    /**
     * Average linkage: groups are merged strongest link first, and only if the mean probability over
     * all pairs across the two groups is at least the model's threshold. A post must be close to a
     * story as a whole, not to one of its posts: one strong link carries a post into a story of two
     * (a Chinese and an English telling often share nothing the model can see), not into a story of
     * three or more, so a chain of posts that each resemble the next does not become one blob. Sums
     * across groups are kept per pair of groups and added up as groups merge, so a check costs the
     * same whatever the groups' sizes.
     *
     * <p>A second test, that more than half of the pairs across have something in common, was
     * dropped: on the labelled windows it refused eight merges the labels call right (an English post
     * joining four Chinese tellings of its story, three Chinese/English pairs of two-post stories)
     * and refused no wrong one; every corpus scored the same or better without it.
     */
    private static Merged merge(int units, Links links, double threshold) {
        Groups groups = new Groups(units);
        Across across = new Across(units);
        for (int k = 0; k < links.relatedCount(); k++) {
            across.add(links.relatedA(k), links.relatedB(k), links.relatedProbability(k));
        }
        for (int k = 0; k < links.count(); k++) {
            int a = groups.groupOf(links.a(k));
            int b = groups.groupOf(links.b(k));
            if (a == b) {
                continue;
            }
            int sizeA = groups.members(a).size();
            int sizeB = groups.members(b).size();
            if (across.mean(a, b, sizeA, sizeB) >= threshold) {
                int into = sizeA >= sizeB ? a : b;
                int from = into == a ? b : a;
                groups.merge(from, into);
                across.fold(from, into);
            }
        }
        return new Merged(groups.assignment(), across);
    }

    /** The groups each unit ended in, and the sums across every pair of groups with related pairs. */
    @SuppressWarnings("ArrayRecordComponent") // a result read once, never compared
    record Merged(int[] groupOf, Across across) {}

    /**
     * Per pair of groups: the sum of the related pairs' probabilities across them.
     * A dense window has hundreds of thousands of related pairs, so they live in primitive arrays
     * indexed by an open-addressing table, not in boxed maps.
     */
    static final class Across {
        private final long n;
        private long[] keys;
        private int[] slots;
        private double[] sum = new double[64];
        private boolean[] moved = new boolean[64];
        private int used;
        private final int[][] neighbours;
        private final int[] degree;

        Across(int n) {
            this.n = n;
            this.keys = new long[1024];
            this.slots = new int[1024];
            java.util.Arrays.fill(keys, -1);
            this.neighbours = new int[n][];
            this.degree = new int[n];
        }

        private long key(int a, int b) {
            return Math.min(a, b) * n + Math.max(a, b);
        }

        /** The slot of {@code key}, or −1. */
        private int find(long key) {
            int mask = keys.length - 1;
            for (int h = hash(key) & mask; ; h = (h + 1) & mask) {
                if (keys[h] == key) {
                    return slots[h];
                }
                if (keys[h] == -1) {
                    return -1;
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        void add(int a, int b, double p) {
            long key = key(a, b);
            int slot = find(key);
            if (slot < 0) {
                slot = insert(key);
                neighbour(a, b);
                neighbour(b, a);
            }
            sum[slot] += p;
        }

        private int insert(long key) {
            if (2 * (used + 1) > keys.length) {
                grow();
            }
            if (used == sum.length) {
                sum = java.util.Arrays.copyOf(sum, used * 2);
                moved = java.util.Arrays.copyOf(moved, used * 2);
            }
            int mask = keys.length - 1;
            int h = hash(key) & mask;
            while (keys[h] != -1) {
                h = (h + 1) & mask;
            }
            keys[h] = key;
            slots[h] = used;
            return used++;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            java.util.Arrays.fill(keys, -1);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int h = hash(oldKeys[i]) & mask;
                    while (keys[h] != -1) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[i];
                    slots[h] = oldSlots[i];
                }
            }
        }

        private void neighbour(int a, int b) {
            if (neighbours[a] == null) {
                neighbours[a] = new int[4];
            } else if (degree[a] == neighbours[a].length) {
                neighbours[a] = java.util.Arrays.copyOf(neighbours[a], degree[a] * 2);
            }
            neighbours[a][degree[a]++] = b;
        }

        /**
         * Moves {@code from}'s sums onto {@code into} after the two groups merged. Each sum moves once:
         * a neighbour that merged away earlier already took its sum with {@code from} along.
         */
        void fold(int from, int into) {
            for (int k = 0; k < degree[from]; k++) {
                int c = neighbours[from][k];
                int slot = find(key(from, c));
                if (slot < 0 || moved[slot]) {
                    continue;
                }
                moved[slot] = true;
                if (c != into) {
                    add(into, c, sum[slot]);
                }
            }
            neighbours[from] = null;
            degree[from] = 0;
        }

        /** The mean probability across two groups of the given sizes (0 when no pair is related). */
        double mean(int a, int b, int sizeA, int sizeB) {
            int slot = find(key(a, b));
            return slot < 0 || moved[slot] ? 0 : sum[slot] / ((double) sizeA * sizeB);
        }
    }
}
