package dev.aidigest.ingest;

import java.time.Instant;

/** A source could not be read now. {@code retryAfter} is set when the source said when to come back (429). */
public final class SourceException extends Exception {
    private final transient Instant retryAfter;

    public SourceException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public SourceException(String message, Throwable cause, Instant retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** When the source asked us to retry, or null when it did not say. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
