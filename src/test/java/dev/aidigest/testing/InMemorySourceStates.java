package dev.aidigest.testing;

import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.SourceStates;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SourceStates} in memory: one map per source name. */
public final class InMemorySourceStates implements SourceStates {
    private final Map<String, State> states = new ConcurrentHashMap<>();

    @Override
    public State of(String sourceName) {
        return states.computeIfAbsent(sourceName, n -> new State());
    }

    /** One source's state. */
    public static final class State implements SourceState {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }

        public Map<String, String> values() {
            return Map.copyOf(values);
        }
    }
}
