package dev.aidigest.channel;

import java.util.Optional;

/** One platform's bot as {@code serve} runs it: a channel to send through, and a receiver to start and stop. */
public interface ChatBot extends AutoCloseable {

    Channel channel();

    /** The HTTP endpoint of the bot, when it receives by webhook. */
    Optional<Webhook> webhook();

    /** Connects and starts receiving (commands registered, polling started). */
    void start() throws Exception;

    /**
     * Whether a failure of {@link #start()} means the platform refused the credentials (a bad token
     * or app secret): a configuration error that retrying will not fix.
     */
    default boolean refusesCredentials(Exception e) {
        return false;
    }

    /** Stops receiving; a message being handled finishes first. */
    @Override
    void close();
}
