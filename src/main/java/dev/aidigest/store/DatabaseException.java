package dev.aidigest.store;

/** A database operation failed; the message is safe to show, the cause goes to the log. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
