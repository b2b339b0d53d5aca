package dev.aidigest.llm;

import dev.aidigest.ingest.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedder as it was before batching: langchain4j runs the model once per text, texts spread
 * over a thread pool. Kept as the reference the batched {@link BgeEmbedder} is checked and timed
 * against.
 */
public final class LangChainBgeEmbedder implements Embedder {

    private final BgeSmallZhV15QuantizedEmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(BgeTokens.clip(t)));
        }
        List<float[]> vectors = new ArrayList<>(segments.size());
        for (Embedding e : model.embedAll(segments).content()) {
            vectors.add(BgeEmbedder.normalise(e.vector()));
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
}
