package dev.aidigest.digest;

import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.Centring;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Test-scope window into how the clusterer measures two posts: the cosine of their embeddings after
 * the window's centring ({@link Centring}, bge-small-zh background), the number {@code
 * clustering.merge_similarity} is compared with. Per post, not per thread unit, so for a thread it is
 * an approximation. Lives here because the centring is package-private; used by the evaluation's
 * diagnosis to say whether a split story was just below the threshold or kept apart by a group rule.
 */
public final class CentredSimilarity {

    private final Map<String, float[]> centred = new HashMap<>();

    private CentredSimilarity() {}

    /** The centring of {@code kept} (the filter's kept posts, as the build centres them), by tweet id. */
    public static CentredSimilarity of(List<StoredPost> kept) {
        Centring centring = Centring.of(kept, Background.bgeSmallZh());
        CentredSimilarity s = new CentredSimilarity();
        for (StoredPost p : kept) {
            if (p.embedding() != null) {
                s.centred.put(
                        p.post().platformId(),
                        centring.centre(p.embedding(), PostWords.isCjk(p.post().text())));
            }
        }
        return s;
    }

    /** The centred cosine of two kept posts, or empty when either is not among them. */
    public OptionalDouble between(String a, String b) {
        float[] x = centred.get(a);
        float[] y = centred.get(b);
        if (x == null || y == null) {
            return OptionalDouble.empty();
        }
        double dot = 0;
        for (int d = 0; d < x.length; d++) {
            dot += (double) x[d] * y[d];
        }
        return OptionalDouble.of(dot);
    }
}
