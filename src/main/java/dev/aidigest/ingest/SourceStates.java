package dev.aidigest.ingest;

/**
 * The {@link SourceState} of each source by name (implemented over the {@code source_state}
 * table by the store).
 */
public interface SourceStates {

    /** The state of one source; writes are visible to later calls with the same name. */
    SourceState of(String sourceName);
}
