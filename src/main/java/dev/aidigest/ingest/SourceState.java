package dev.aidigest.ingest;

import java.util.Optional;

/** Small persistent key/value memory of one source (cursors, ETags), kept in the database. */
public interface SourceState {

    Optional<String> get(String key);

    void put(String key, String value);
}
