package dev.aidigest.digest;

import dev.aidigest.ingest.Post;

/**
 * A post as the database holds it: its row id and the vector computed once at ingest.
 *
 * @param embedding unit-length vector, or null when the post was stored without one
 */
// equality is by id; the vector is never compared
@SuppressWarnings("ArrayRecordComponent")
public record StoredPost(long id, Post post, float[] embedding) {}
