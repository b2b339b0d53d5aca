package dev.aidigest.ingest;

/**
 * Input that cannot be accepted (broken JSON, hostile XML, too large, invalid UTF-8). The message is
 * one clear English sentence for the CLI; the CLI maps it to exit code 2.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
