package dev.aidigest.digest;

import java.util.Optional;

/**
 * Story summaries by {@link Story#contentHash()} and engine, so a rebuild, the daily report and
 * {@code /topic} never pay the LLM twice for the same story (implemented by {@code store.SummaryStore}).
 */
public interface SummaryCache {

    Optional<StorySummary> get(String contentHash, String engine);

    void put(String contentHash, String engine, StorySummary summary);

    /** A cache that remembers nothing, for tests and one-off runs. */
    SummaryCache NONE = new SummaryCache() {
        @Override
        public Optional<StorySummary> get(String contentHash, String engine) {
            return Optional.empty();
        }

        @Override
        public void put(String contentHash, String engine, StorySummary summary) {}
    };
}
