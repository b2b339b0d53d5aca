package dev.aidigest.ingest;

import java.time.Instant;

/**
 * What happened to one source in one ingest round.
 *
 * @param fetched     posts the source delivered
 * @param added       posts stored now
 * @param duplicates  posts already stored
 * @param error       the failure in one sentence, or null
 * @param nextAttempt when a failed or backing-off source will be tried again, or null
 */
public record SourceResult(
        String source, Outcome outcome, int fetched, int added, int duplicates, String error, Instant nextAttempt) {

    /** How the round went for the source. */
    public enum Outcome {
        OK,
        FAILED,
        /** Not tried: still backing off after earlier failures. */
        BACKING_OFF
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
