package dev.aidigest.channel;

import java.util.Optional;

/** One platform's bot as {@code serve} runs it: a channel to send through, and a receiver to start and stop. */
public interface ChatBot extends AutoCloseable {

    Channel channel();

    /** The HTTP endpoint of the bot, when it receives by webhook. */
    Optional<Webhook> webhook();

    /**
     * Connects (credentials checked, commands registered) and starts what every node runs; a
     * {@link #receiver()} starts separately with {@link #startReceiving()}.
     */
    void start() throws Exception;

    /**
     * Whether a failure of {@link #start()} means the platform refused the credentials (a bad token
     * or app secret): a configuration error that retrying will not fix.
     */
    default boolean refusesCredentials(Exception e) {
        return false;
    }

    /**
     * The name of this bot's receiver when it is a connection only one process per bot may hold
     * (Telegram long polling, the Discord gateway, the Feishu long connection): in a cluster only the
     * node holding the lease of that name runs it. Empty when the bot receives by webhook only, which
     * every node serves.
     */
    default Optional<String> receiver() {
        return Optional.empty();
    }

    /** Starts the {@link #receiver()} (after {@link #start()}), on the node that holds its lease. */
    default void startReceiving() throws Exception {}

    /** Stops the {@link #receiver()}: the lease was lost or the node stops. */
    default void stopReceiving() {}

    /** Stops receiving; a message being handled finishes first. */
    @Override
    void close();
}
