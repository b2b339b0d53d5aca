package dev.aidigest.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What /healthz and /metrics read from the database (implemented by {@code store.OpsStore}). */
public interface OpsProbe {

    /** A scheduled job's trigger as Quartz stores it. */
    record Trigger(String name, String state, Instant nextFire) {}

    /**
     * One look at the database: fails with an exception when it cannot be reached.
     *
     * @param lastDigestSlot the newest digest's slot, or null
     * @param lastDigestEnd  its window end, or null
     * @param newestPost     the newest post's creation time, or null
     */
    record Snapshot(
            String lastDigestSlot,
            Instant lastDigestEnd,
            Instant lastDigestUpdated,
            Instant newestPost,
            List<Trigger> triggers) {
        public Snapshot {
            triggers = List.copyOf(triggers);
        }
    }

    Snapshot snapshot();

    /** Stored counts for gauges: posts, editions by kind, LLM spend by kind, outbox rows by status. */
    record Counts(long posts, Map<String, Long> editions, Map<String, long[]> llmByKind, Map<String, Long> outbox) {}

    Counts counts();
}
