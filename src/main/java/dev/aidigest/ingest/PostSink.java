package dev.aidigest.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where ingested posts go (implemented by {@code store.PostStore}). */
public interface PostSink {

    /** Which of these platform ids are already stored, so they are neither embedded nor stored again. */
    Set<String> known(String platform, Collection<String> platformIds);

    /**
     * Stores new posts with their vectors in one transaction (all or nothing); posts already present
     * are left as they are. Returns how many rows were added.
     *
     * @param embeddings one per post, same order; {@code model} names the embedding model
     */
    int add(List<Post> posts, List<float[]> embeddings, String model);
}
