package dev.aidigest.digest;

import java.time.Instant;
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
}
