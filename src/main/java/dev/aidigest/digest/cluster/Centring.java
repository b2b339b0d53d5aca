package dev.aidigest.digest.cluster;

import dev.aidigest.digest.PostWords;
import dev.aidigest.digest.StoredPost;
import java.util.List;

/**
 * The mean embedding of a window's Chinese posts and of its other posts, each blended with the
 * {@link Background} (which counts as {@value Background#PSEUDO_COUNT} posts). Subtracting the mean
 * of a post's script before comparing removes what all AI posts in one language share; see
 * {@link CentredVectors} for how much that matters. One centring serves the whole build, so the
 * clustering and the repeat guard measure similarity the same way.
 */
public final class Centring {

    private final float[] other;
    private final float[] cjk;

    private Centring(float[] other, float[] cjk) {
        this.other = other;
        this.cjk = cjk;
    }

    /** The centring of a window's posts. */
    public static Centring of(List<StoredPost> posts, Background background) {
        List<float[]> vectors = posts.stream().map(StoredPost::embedding).toList();
        boolean[] cjk = new boolean[posts.size()];
        for (int i = 0; i < cjk.length; i++) {
            cjk[i] = PostWords.isCjk(posts.get(i).post().text());
        }
        return of(vectors, cjk, background);
    }

    /**
     * @param raw one unit vector per item, or null where an item has none
     * @param cjk whether each item is Chinese/Japanese text
     */
    static Centring of(List<float[]> raw, boolean[] cjk, Background background) {
        int dims = 0;
        for (float[] v : raw) {
            if (v != null) {
                dims = v.length;
                break;
            }
        }
        return new Centring(mean(raw, cjk, false, dims, background), mean(raw, cjk, true, dims, background));
    }

    /** {@code v} minus its script's mean, at unit length (a new array). */
    public float[] centre(float[] v, boolean cjkText) {
        float[] mean = cjkText ? cjk : other;
        float[] c = new float[v.length];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            c[d] = v[d] - (mean.length == v.length ? mean[d] : 0);
            norm += (double) c[d] * c[d];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            c[d] *= scale;
        }
        return c;
    }

    private static float[] mean(List<float[]> raw, boolean[] cjk, boolean group, int dims, Background background) {
        double[] sum = new double[dims];
        int count = 0;
        for (int i = 0; i < raw.size(); i++) {
            float[] v = raw.get(i);
            if (v != null && v.length == dims && cjk[i] == group) {
                for (int d = 0; d < dims; d++) {
                    sum[d] += v[d];
                }
                count++;
            }
        }
        float[] prior = background.mean(group, dims);
        double k = prior == null ? 0 : Background.PSEUDO_COUNT;
        float[] mean = new float[dims];
        if (count + k == 0) {
            return mean;
        }
        for (int d = 0; d < dims; d++) {
            mean[d] = (float) ((sum[d] + (prior == null ? 0 : k * prior[d])) / (count + k));
        }
        return mean;
    }
}
