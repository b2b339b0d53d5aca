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

    /**
     * The outbox's trouble: rows given up on ({@code failed}) created in the last day, and rows still
     * pending although they fell due more than {@code stuckAfter} ago (no worker is sending them).
     */
    record OutboxTrouble(long failedLastDay, long stuck, Instant oldestStuckDue) {}

    OutboxTrouble outboxTrouble(Instant now, java.time.Duration stuckAfter);

    /** One source's fetch state: failures in a row and until when it rests (null when it does not). */
    record SourceFacts(String source, int failures, Instant restingUntil) {}

    List<SourceFacts> sourceFacts();

    /** The newest post of each of {@code handles} (as configured; a handle with no post maps to null). */
    Map<String, Instant> newestPostBy(java.util.Collection<String> handles);
}
