package dev.aidigest.digest.cluster;

import java.util.List;

/**
 * The window's embeddings with the common direction of their language removed, plus a 512-bit
 * sign sketch of each for a fast first pass over all pairs.
 *
 * <p>Why centre: bge-small-zh puts every post about AI close together, and every Chinese post
 * apart from every English one. On the labelled set, two English launch posts about different
 * products (FLUX.2, Nano Banana Pro) score 0.85 raw, while the English and Chinese posts of one
 * story score 0.53–0.65. Subtracting the mean vector of the post's script (Chinese vs other),
 * then re-normalising, lifts the same-story/different-story AUC from 0.76 to 0.94 (0.89–0.91
 * when the means come from other stories). The mean is the window's own, blended with a bundled
 * background mean so a small window is not centred on its few posts.
 *
 * <p>Why sketch: with signs of the centred coordinates, the Hamming distance between two sketches
 * tracks the angle (bits differ ≈ 512·θ/π, residual σ ≈ 9 bits), and XOR + popcount over 8 longs
 * is ~40x cheaper than a 512-float dot product.
 */
public final class CentredVectors {

    static final int BITS_WORDS = 8;

    /**
     * Centred vectors as integers (× {@value #SCALE}): an int dot product is what Java 17 turns into
     * SIMD instructions, 1.5x faster than the float one; the rounding moves a cosine by about 1e-4.
     * Unit length bounds every dot product by SCALE², far from overflow.
     */
    static final int SCALE = 8192;

    private final int[][] vectors;
    /** All sketches in one array, {@link #BITS_WORDS} longs each: the all-pairs pass reads it n²/2 times. */
    private final long[] sketches;

    private final boolean[] present;
    private final boolean[] cjk;
    private final int sketchBits;

    private CentredVectors(int[][] vectors, long[] sketches, boolean[] present, boolean[] cjk, int sketchBits) {
        this.vectors = vectors;
        this.sketches = sketches;
        this.present = present;
        this.cjk = cjk;
        this.sketchBits = sketchBits;
    }

    /**
     * @param raw one unit vector per item, or null where an item has none
     * @param cjk whether each item is Chinese/Japanese text
     */
    static CentredVectors of(List<float[]> raw, boolean[] cjk, Centring centring) {
        int n = raw.size();
        int dims = 0;
        for (float[] v : raw) {
            if (v != null) {
                dims = v.length;
                break;
            }
        }
        int[][] out = new int[n][];
        long[] sketches = new long[n * BITS_WORDS];
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            float[] v = raw.get(i);
            if (v == null || v.length != dims) {
                continue;
            }
            float[] c = centring.centre(v, cjk[i]);
            System.arraycopy(sketch(c), 0, sketches, i * BITS_WORDS, BITS_WORDS);
            out[i] = quantise(c);
            present[i] = true;
        }
        return new CentredVectors(out, sketches, present, cjk.clone(), Math.min(dims, 64 * BITS_WORDS));
    }

    private static int[] quantise(float[] v) {
        int[] q = new int[v.length];
        for (int d = 0; d < v.length; d++) {
            q[d] = Math.round(v[d] * SCALE);
        }
        return q;
    }

    private static long[] sketch(float[] v) {
        long[] bits = new long[BITS_WORDS];
        for (int d = 0; d < v.length; d++) {
            if (v[d] > 0) {
                int b = d % (64 * BITS_WORDS);
                bits[b >> 6] ^= 1L << (b & 63);
            }
        }
        return bits;
    }

    /**
     * The Hamming distance below which a pair may reach {@code similarity}: the expected distance
     * at that cosine plus {@code sigmas} standard deviations of the estimate.
     */
    int hammingCutoff(double similarity, double sigmas) {
        double p = Math.acos(Math.max(-1, Math.min(1, similarity))) / Math.PI;
        return (int) Math.ceil(sketchBits * p + sigmas * Math.sqrt(sketchBits * p * (1 - p)));
    }

    /** Whether item {@code i} is Chinese/Japanese text (centred on that script's mean). */
    boolean cjk(int i) {
        return cjk[i];
    }

    boolean has(int i) {
        return vectors[i] != null;
    }

    /** Bits that differ between two sketches (0..512); 512 when either has no vector. */
    int hamming(int i, int j) {
        if (!present[i] || !present[j]) {
            return 64 * BITS_WORDS;
        }
        long[] s = sketches;
        int a = i * BITS_WORDS;
        int b = j * BITS_WORDS;
        return Long.bitCount(s[a] ^ s[b])
                + Long.bitCount(s[a + 1] ^ s[b + 1])
                + Long.bitCount(s[a + 2] ^ s[b + 2])
                + Long.bitCount(s[a + 3] ^ s[b + 3])
                + Long.bitCount(s[a + 4] ^ s[b + 4])
                + Long.bitCount(s[a + 5] ^ s[b + 5])
                + Long.bitCount(s[a + 6] ^ s[b + 6])
                + Long.bitCount(s[a + 7] ^ s[b + 7]);
    }

    /** Cosine of the centred vectors; 0 when either has none. */
    float similarity(int i, int j) {
        int[] a = vectors[i];
        int[] b = vectors[j];
        if (a == null || b == null) {
            return 0f;
        }
        int sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return (float) sum / ((float) SCALE * SCALE);
    }

    /** Eight independent sums so the CPU can overlap them (2.5x faster than one sum on Java 17). */
    public static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int n = a.length - a.length % 8;
        int i = 0;
        for (; i < n; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
    }
}
