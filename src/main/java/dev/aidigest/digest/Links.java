package dev.aidigest.digest;

import dev.aidigest.config.AppConfig.ClusterConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The pairs of posts with strong evidence that they tell one story: centred cosine at least
 * {@code mergeSimilarity}, or at least {@code entitySimilarity} while sharing a name of weight
 * {@code minEntityRarity} or more; never further apart in time than {@code maxHoursApart}.
 *
 * <p>All pairs are screened by sketch Hamming distance (cheap); only survivors, and pairs that
 * share a rare name (from the name index, so few), pay for a full dot product. A dense window has
 * hundreds of thousands of links, so they live in primitive arrays, not objects.
 */
final class Links {

    /** Sketch screening margin in standard deviations (theoretical σ; measured σ is 20% smaller). */
    private static final double SKETCH_SIGMAS = 3.0;

    private final int[] from;
    private final int[] to;
    private final int[] order;
    private final int[][] neighbours;

    private Links(EdgeList edges, int n) {
        this.from = Arrays.copyOf(edges.a, edges.size);
        this.to = Arrays.copyOf(edges.b, edges.size);
        this.order = strongestFirst(edges);
        this.neighbours = adjacency(n, from, to);
    }

    /**
     * Centred similarity at which a Chinese and a non-Chinese post that lead with the same name link,
     * even a name too common to link on its own ({@code ChatGPT}): the two tellings of one story in
     * two languages score lower than two in one language. On the clustering sets and the sample day,
     * such pairs at 0.25 or more were all one story (15 of 15); without the shared lead, 31 of 42.
     */
    static final double CROSS_SCRIPT_SIMILARITY = 0.25;

    /**
     * @param orphanQuote per unit: a lone quote of a post outside the window, linked by the rare name
     *                    it leads with whatever its similarity
     */
    static Links find(
            CentredVectors vectors,
            EntityIndex names,
            long[] epochSeconds,
            boolean[] orphanQuote,
            ClusterConfig config) {
        int n = epochSeconds.length;
        double maxApart = config.maxHoursApart() > 0 ? config.maxHoursApart() * 3600 : Double.MAX_VALUE;
        int cutoff = vectors.hammingCutoff(config.mergeSimilarity(), SKETCH_SIGMAS);
        EdgeList[] rows = IntStream.range(0, n)
                .parallel()
                .mapToObj(
                        i -> bySimilarity(i, vectors, names, epochSeconds, maxApart, cutoff, config.mergeSimilarity()))
                .toArray(EdgeList[]::new);
        EdgeList all = new EdgeList(Arrays.stream(rows).mapToInt(r -> r.size).sum() + 16);
        for (EdgeList r : rows) {
            all.addAll(r);
        }
        byNames(vectors, names, epochSeconds, orphanQuote, maxApart, cutoff, config, all);
        acrossScripts(vectors, names, epochSeconds, maxApart, cutoff, config, all);
        return new Links(all, n);
    }

    private static EdgeList bySimilarity(
            int i, CentredVectors v, EntityIndex names, long[] t, double maxApart, int cutoff, double threshold) {
        EdgeList out = new EdgeList(4);
        if (!v.has(i)) {
            return out;
        }
        for (int j = i + 1; j < t.length; j++) {
            if (v.hamming(i, j) <= cutoff && Math.abs(t[i] - t[j]) <= maxApart) {
                float s = v.similarity(i, j);
                if (s >= threshold) {
                    out.add(i, j, (float) (s + names.shared(i, j)));
                }
            }
        }
        return out;
    }

    /** Pairs that share a rare name and pass the lower bar; those the similarity pass found are skipped. */
    private static void byNames(
            CentredVectors v,
            EntityIndex names,
            long[] t,
            boolean[] orphanQuote,
            double maxApart,
            int cutoff,
            ClusterConfig config,
            EdgeList out) {
        double rareWeight = StoryClusterer.rareWeight(config);
        int n = t.length;
        Set<Long> seen = new HashSet<>();
        for (int[] posting : names.postingsAtLeast(rareWeight)) {
            for (int x = 0; x < posting.length; x++) {
                for (int y = x + 1; y < posting.length; y++) {
                    int i = Math.min(posting[x], posting[y]);
                    int j = Math.max(posting[x], posting[y]);
                    if (Math.abs(t[i] - t[j]) > maxApart || !seen.add((long) i * n + j)) {
                        continue;
                    }
                    double shared = names.shared(i, j);
                    if (shared < rareWeight) {
                        continue;
                    }
                    float s = v.similarity(i, j);
                    boolean foundAlready =
                            v.has(i) && v.has(j) && s >= config.mergeSimilarity() && v.hamming(i, j) <= cutoff;
                    boolean quoteOfIt = (orphanQuote[i] && names.sharedLeading(i, j) >= rareWeight)
                            || (orphanQuote[j] && names.sharedLeading(j, i) >= rareWeight);
                    if ((s >= config.entitySimilarity() || quoteOfIt) && !foundAlready) {
                        out.add(i, j, (float) (s + shared));
                    }
                }
            }
        }
    }

    /**
     * Chinese/non-Chinese pairs that lead with a common name (generic ones included) at
     * {@link #CROSS_SCRIPT_SIMILARITY} or more; pairs the passes above linked are skipped.
     */
    private static void acrossScripts(
            CentredVectors v,
            EntityIndex names,
            long[] t,
            double maxApart,
            int mergeCutoff,
            ClusterConfig config,
            EdgeList out) {
        int n = t.length;
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int p = 0; p < n; p++) {
            if (v.has(p)) {
                for (String key : names.ledWith(p)) {
                    postings.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                }
            }
        }
        double rareWeight = StoryClusterer.rareWeight(config);
        int cutoff = v.hammingCutoff(CROSS_SCRIPT_SIMILARITY, SKETCH_SIGMAS);
        for (Map.Entry<String, List<Integer>> e : postings.entrySet()) {
            List<Integer> posting = e.getValue();
            for (int x = 0; x < posting.size(); x++) {
                for (int y = x + 1; y < posting.size(); y++) {
                    int i = posting.get(x);
                    int j = posting.get(y);
                    if (v.cjk(i) == v.cjk(j)
                            || Math.abs(t[i] - t[j]) > maxApart
                            || v.hamming(i, j) > cutoff
                            || !e.getKey().equals(firstCommon(names.ledWith(i), names.ledWith(j)))) {
                        continue;
                    }
                    float s = v.similarity(i, j);
                    boolean bySimilarity = s >= config.mergeSimilarity() && v.hamming(i, j) <= mergeCutoff;
                    boolean byName = names.shared(i, j) >= rareWeight && s >= config.entitySimilarity();
                    if (s >= CROSS_SCRIPT_SIMILARITY && !bySimilarity && !byName) {
                        out.add(Math.min(i, j), Math.max(i, j), (float) (s + names.shared(i, j)));
                    }
                }
            }
        }
    }

    /** The first key two sorted arrays share, or null: each pair is looked at once, under that key. */
    private static String firstCommon(String[] a, String[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) {
                return a[i];
            }
            if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return null;
    }

    /** Edge indexes by strength, strongest first; ties in the order found (deterministic). */
    private static int[] strongestFirst(EdgeList edges) {
        long[] keys = new long[edges.size];
        for (int e = 0; e < edges.size; e++) {
            long q = -Math.round(edges.strength[e] * 1_000_000.0);
            keys[e] = (q << 32) | e;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    private static int[][] adjacency(int n, int[] from, int[] to) {
        int[] degree = new int[n];
        for (int e = 0; e < from.length; e++) {
            degree[from[e]]++;
            degree[to[e]]++;
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = new int[degree[i]];
        }
        int[] fill = new int[n];
        for (int e = 0; e < from.length; e++) {
            adj[from[e]][fill[from[e]]++] = to[e];
            adj[to[e]][fill[to[e]]++] = from[e];
        }
        return adj;
    }

    int count() {
        return order.length;
    }

    /** The {@code k}-th strongest link's first end. */
    int a(int k) {
        return from[order[k]];
    }

    /** The {@code k}-th strongest link's second end. */
    int b(int k) {
        return to[order[k]];
    }

    int[] neighbours(int i) {
        return neighbours[i];
    }

    /** A growable list of links in three parallel arrays. */
    private static final class EdgeList {
        int[] a;
        int[] b;
        float[] strength;
        int size;

        EdgeList(int capacity) {
            a = new int[capacity];
            b = new int[capacity];
            strength = new float[capacity];
        }

        void add(int i, int j, float s) {
            if (size == a.length) {
                int cap = Math.max(8, size * 2);
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                strength = Arrays.copyOf(strength, cap);
            }
            a[size] = i;
            b[size] = j;
            strength[size] = s;
            size++;
        }

        void addAll(EdgeList o) {
            for (int k = 0; k < o.size; k++) {
                add(o.a[k], o.b[k], o.strength[k]);
            }
        }
    }
}
