package dev.aidigest.store;

import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.SourceStates;

/** Every source's state in the {@code source_state} table. */
public final class SourceStateStores implements SourceStates {

    private final Database db;

    public SourceStateStores(Database db) {
        this.db = db;
    }

    @Override
    public SourceState of(String sourceName) {
        return new SourceStateStore(db, sourceName);
    }
}
