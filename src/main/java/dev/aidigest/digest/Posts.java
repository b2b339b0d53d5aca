package dev.aidigest.digest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the digest pipeline reads of the stored posts (implemented by {@code store.PostStore}). */
public interface Posts {

    /** Posts created in {@code [start, end)}, with their embeddings, oldest first. */
    List<StoredPost> inWindow(Instant start, Instant end);

    /**
     * Each author's usual engagement ({@link dev.aidigest.ingest.Post.Metrics#engagement()}), the
     * median over their posts created in {@code [since, until)}; authors without history are absent.
     */
    Map<String, Double> authorNorms(Instant since, Instant until);

    /**
     * Posts by row id, in the order asked; ids not found are left out. The repeat guard reads the
     * posts of earlier digests' items with it, to tell a story already told from its follow-up.
     */
    List<StoredPost> byIds(Collection<Long> ids);
}
