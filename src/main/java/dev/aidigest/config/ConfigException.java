package dev.aidigest.config;

/** The configuration cannot be used; the message names the file and the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }
}
