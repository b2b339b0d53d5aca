package dev.aidigest.testing;

import dev.aidigest.ingest.Embedder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic {@link Embedder}: a unit vector hashed from the text (same text, same vector).
 * Records every batch so tests can check that nothing is embedded twice.
 */
public final class FakeEmbedder implements Embedder {
    private static final int DIMS = 8;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @Override
    public List<float[]> embed(List<String> texts) {
        batches.add(List.copyOf(texts));
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            float[] v = new float[DIMS];
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length; i++) {
                v[i % DIMS] += (b[i] & 0xFF) + 1;
            }
            double norm = 0;
            for (float f : v) {
                norm += f * f;
            }
            for (int i = 0; i < DIMS; i++) {
                v[i] = norm == 0 ? (i == 0 ? 1 : 0) : (float) (v[i] / Math.sqrt(norm));
            }
            out.add(v);
        }
        return out;
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public String model() {
        return "fake-hash-8";
    }

    public List<List<String>> batches() {
        return List.copyOf(batches);
    }

    public int textsEmbedded() {
        return batches.stream().mapToInt(List::size).sum();
    }
}
