/**
 * Bringing posts in. The ports ({@link dev.aidigest.ingest.Source}, {@link dev.aidigest.ingest.PostSink},
 * {@link dev.aidigest.ingest.Embedder}, {@link dev.aidigest.ingest.SourceStates}) and
 * {@link dev.aidigest.ingest.IngestService}, which parses, drops what is stored, embeds each new
 * post once and stores it, and keeps a failing source from holding up the others. The adapters
 * live in sub-packages ({@code x}, {@code feed}, {@code jsonl}) and are wired by {@code setup};
 * this package imports none of them.
 *
 * <p>May use only the JDK and slf4j.
 */
package dev.aidigest.ingest;
