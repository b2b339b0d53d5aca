package dev.aidigest.edition;

import java.time.Instant;

/**
 * Brings the stored vectors a digest is about to read up to the current embedding model, so the
 * clusterer never compares vectors of two models (their similarities mean nothing). Implemented by
 * {@code IngestService#renewEmbeddings}, which embeds only what another model made.
 */
@FunctionalInterface
public interface VectorRenewal {

    /** Renews nothing: for a store whose vectors are all of one model. */
    VectorRenewal NONE = since -> 0;

    /** Renews the vectors of the posts created at or after {@code since}; returns how many changed. */
    int renewSince(Instant since);
}
