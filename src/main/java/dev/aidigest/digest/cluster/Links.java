package dev.aidigest.digest.cluster;

import java.util.Arrays;

/**
 * The pairs of units the story model links, strongest first, with each unit's neighbours; and per
 * unit the closest pair the model refused, so an explanation can say what almost joined it. A dense
 * window has hundreds of thousands of links, so they live in primitive arrays, not objects.
 */
final class Links {

    private final int[] from;
    private final int[] to;
    private final float[] probability;
    private final int[] order;
    private final int[][] neighbours;
    private final int[] refusedWith;
    private final float[] refusedProbability;
    private final int[] relatedA;
    private final int[] relatedB;
    private final float[] relatedP;

    private Links(Builder b) {
        this.relatedA = Arrays.copyOf(b.ra, b.related);
        this.relatedB = Arrays.copyOf(b.rb, b.related);
        this.relatedP = Arrays.copyOf(b.rp, b.related);
        this.from = Arrays.copyOf(b.a, b.size);
        this.to = Arrays.copyOf(b.b, b.size);
        this.probability = Arrays.copyOf(b.p, b.size);
        this.order = strongestFirst(probability);
        this.neighbours = adjacency(b.refusedWith.length, from, to);
        this.refusedWith = b.refusedWith;
        this.refusedProbability = b.refusedP;
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

    int[] neighbours(int unit) {
        return neighbours[unit];
    }

    /** How many scored pairs are related: probability at least the floor given to {@link Builder}. */
    int relatedCount() {
        return relatedA.length;
    }

    int relatedA(int k) {
        return relatedA[k];
    }

    int relatedB(int k) {
        return relatedB[k];
    }

    float relatedProbability(int k) {
        return relatedP[k];
    }

    /** The unit of the most probable pair the model did not link with {@code unit}, or −1. */
    int refusedWith(int unit) {
        return refusedWith[unit];
    }

    float refusedProbability(int unit) {
        return refusedProbability[unit];
    }

    /** Link indexes by probability, strongest first; ties in the order found (deterministic). */
    private static int[] strongestFirst(float[] p) {
        long[] keys = new long[p.length];
        for (int e = 0; e < p.length; e++) {
            long q = -Math.round(p[e] * 1_000_000.0);
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

    /**
     * Collects scored pairs: links at or above the threshold, related pairs at or above a floor
     * (what average linkage sums), and each unit's best refusal.
     */
    static final class Builder {
        private int[] ra = new int[16];
        private int[] rb = new int[16];
        private float[] rp = new float[16];
        private int related;
        private final double floor;
        private int[] a = new int[16];
        private int[] b = new int[16];
        private float[] p = new float[16];
        private int size;
        private final int[] refusedWith;
        private final float[] refusedP;

        Builder(int units, double floor) {
            this.floor = floor;
            refusedWith = new int[units];
            refusedP = new float[units];
            Arrays.fill(refusedWith, -1);
        }

        void consider(int i, int j, double probability, double threshold) {
            if (probability >= floor) {
                if (related == ra.length) {
                    ra = Arrays.copyOf(ra, related * 2);
                    rb = Arrays.copyOf(rb, related * 2);
                    rp = Arrays.copyOf(rp, related * 2);
                }
                ra[related] = i;
                rb[related] = j;
                rp[related] = (float) probability;
                related++;
            }
            if (probability >= threshold) {
                add(i, j, (float) probability);
            } else {
                refuse(i, j, (float) probability);
                refuse(j, i, (float) probability);
            }
        }

        private void refuse(int unit, int other, float probability) {
            if (probability > refusedP[unit]) {
                refusedP[unit] = probability;
                refusedWith[unit] = other;
            }
        }

        private void add(int i, int j, float s) {
            if (size == a.length) {
                int cap = size * 2;
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                p = Arrays.copyOf(p, cap);
            }
            a[size] = i;
            b[size] = j;
            p[size] = s;
            size++;
        }

        Links build() {
            return new Links(this);
        }
    }
}
