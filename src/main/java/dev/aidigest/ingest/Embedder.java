package dev.aidigest.ingest;

import java.util.List;

/**
 * Turns texts into unit-length sentence vectors (cosine similarity = dot product). Each post is
 * embedded once, at ingest; the digest pipeline reuses the stored vector.
 */
public interface Embedder {

    /** Vectors in the order of {@code texts}, each of {@link #dimensions()} floats, L2-normalised. */
    List<float[]> embed(List<String> texts);

    int dimensions();

    /** Model name stored beside each vector, so a model change can re-embed. */
    String model();
}
