package dev.aidigest.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SourceState} whose writes wait until the fetched posts are stored. A cursor
 * ({@code since_id}, ETag) saved before the posts it covers are safe would lose those posts if
 * storing them failed; held back, the next round simply fetches them again.
 */
final class PendingState implements SourceState {
    private final SourceState target;
    private final Map<String, String> pending = new LinkedHashMap<>();

    PendingState(SourceState target) {
        this.target = target;
    }

    @Override
    public Optional<String> get(String key) {
        String value = pending.get(key);
        return value != null ? Optional.of(value) : target.get(key);
    }

    @Override
    public void put(String key, String value) {
        pending.put(key, value);
    }

    void commit() {
        pending.forEach(target::put);
        pending.clear();
    }
}
