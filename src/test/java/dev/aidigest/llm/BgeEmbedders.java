package dev.aidigest.llm;

/** The embedder variants EmbedBench compares; the batched ones are not part of the main API. */
public final class BgeEmbedders {

    private BgeEmbedders() {}

    /** Padded batches of {@code size} texts, {@code workers} batches at once, each on {@code threads} cores. */
    public static BgeEmbedder batched(int size, int workers, int threads) {
        return new BgeEmbedder(size, workers, threads);
    }

    public static LangChainBgeEmbedder langchain4j() {
        return new LangChainBgeEmbedder();
    }
}
