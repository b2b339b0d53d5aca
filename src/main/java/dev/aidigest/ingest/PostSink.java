package dev.aidigest.ingest;

import java.time.Instant;
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

    /** A stored post whose vector is to be made again: its row id and its text as stored. */
    record Outdated(long id, String text) {}

    /**
     * Up to {@code limit} posts created at or after {@code since} whose vector {@code model} did not
     * make: another model's, one stored without a model name, or none at all. Oldest first.
     */
    List<Outdated> outdatedVectors(Instant since, String model, int limit);

    /**
     * Replaces the vectors of these posts by ones {@code model} made, with the model's name, in one
     * transaction; a post's vector and name change together, so a crash leaves each post old or
     * new. A post that has {@code model}'s vector by now is left as it is. Returns how many rows
     * changed.
     *
     * @param vectors one per id, same order
     */
    int renewVectors(List<Long> ids, List<float[]> vectors, String model);
}
