package dev.aidigest.digest.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Mean embedding of typical AI posts per script (Chinese/Japanese and other), for the embedding
 * model the posts were stored with. It stands in for the window's own mean when a window has few
 * posts ({@link CentredVectors}); with hundreds of posts the window's mean dominates.
 *
 * <p>The bundled one ({@code bge-small-zh-v1.5-q.background.txt}) was computed with
 * {@code dev.aidigest.llm.BgeEmbedder} from the 113 hand-written posts of the clustering sets
 * ({@code dev.aidigest.bench.BackgroundMeans}). Those sets are also where clustering is measured;
 * there the window's own 48–65 posts carry more weight than the background's {@value #PSEUDO_COUNT},
 * so the overlap matters little, but it is an overlap.
 */
// one per model, never compared or hashed
@SuppressWarnings("ArrayRecordComponent")
public record Background(float[] other, float[] cjk) {

    /** How many posts the background counts as when blended with a window's own mean. */
    static final double PSEUDO_COUNT = 32;

    /** No background: windows are centred on their own posts only. */
    public static final Background NONE = new Background(null, null);

    /** The background of bge-small-zh v1.5 (quantized), the model {@code BgeEmbedder} stores. */
    public static Background bgeSmallZh() {
        String name = "bge-small-zh-v1.5-q.background.txt";
        try (InputStream in = Background.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled background missing: " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .split("\n");
            return new Background(parse(lines[0]), parse(lines[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float[] mean(boolean cjkGroup, int dims) {
        float[] m = cjkGroup ? cjk : other;
        return m != null && m.length == dims ? m : null;
    }

    private static float[] parse(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }
}
