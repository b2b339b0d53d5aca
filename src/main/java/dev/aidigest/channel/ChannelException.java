package dev.aidigest.channel;

import java.time.Duration;

/**
 * A send failed. The subclass tells the delivery worker what to do: wait ({@link RateLimited}),
 * stop sending to the chat ({@link Forbidden}), move the subscription ({@link ChatMigrated}), give
 * up on the message ({@link BadFormat}) or retry later with backoff (the base class).
 */
public class ChannelException extends Exception {

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChannelException(String message) {
        super(message);
    }

    /** The platform asked us to slow down; retry after {@code retryAfter}. */
    public static final class RateLimited extends ChannelException {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter, String message) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The bot was blocked, kicked or cannot write here: the subscription is deactivated. */
    public static final class Forbidden extends ChannelException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** The chat has a new id (a Telegram group became a supergroup); the subscription follows it. */
    public static final class ChatMigrated extends ChannelException {
        private final String newChatId;

        public ChatMigrated(String newChatId, String message) {
            super(message);
            this.newChatId = newChatId;
        }

        public String newChatId() {
            return newChatId;
        }
    }

    /** The platform refused the message itself (even as plain text): retrying will not help. */
    public static final class BadFormat extends ChannelException {
        public BadFormat(String message) {
            super(message);
        }
    }
}
