package dev.aidigest.llm;

import dev.aidigest.ingest.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-process bge-small-zh v1.5 (quantized) model: Chinese and English in one 512-dim space,
 * no network. Loading costs ~1 s and ~110 MiB, so one instance is built by {@code Wiring} and
 * shared.
 */
public final class BgeEmbedder implements Embedder {

  private static final int MAX_CHARS = 512;
  private final BgeSmallZhV15QuantizedEmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      String s = t == null || t.isBlank() ? " " : t;
      segments.add(TextSegment.from(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s));
    }
    List<Embedding> out = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(normalise(e.vector()));
    }
    return vectors;
  }

  @Override
  public int dimensions() {
    return 512;
  }

  @Override
  public String model() {
    return "bge-small-zh-v1.5-q";
  }

  static float[] normalise(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += f * f;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
