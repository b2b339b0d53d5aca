package dev.aidigest.ingest;

import java.util.List;

/**
 * A place posts come from (X API v2, an RSS/Atom feed). Each call fetches what is new since the
 * last call; the source keeps its own cursor ({@code since_id}, ETag) through {@link SourceState}.
 */
public interface Source {

    /** Stable name used in config, logs, {@code ingest --source NAME} and the health page. */
    String name();

    /**
     * Fetches new posts once.
     *
     * @throws SourceException when the source cannot be read now (network, 429, bad payload); the
     *     caller backs off this source only
     */
    List<Post> fetch(SourceState state) throws SourceException;
}
