package dev.aidigest.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat platform we can send to. Implementations respect their platform's rate limits (blocking
 * the caller briefly) and render {@link Reply} in the platform's own format.
 */
public interface Channel {

    /** The platform name used in {@link ChatRef#platform()} and in the database. */
    String platform();

    /**
     * Splits a reply into parts that each fit one message, only between blocks (digest items), so
     * the delivery outbox can record progress part by part.
     */
    List<Reply> split(Reply reply);

    /**
     * Sends one part (already small enough) and returns the platform's message id.
     *
     * @throws ChannelException typed by what the caller should do next
     */
    String send(ChatRef chat, Reply part) throws ChannelException;

    /**
     * The shortest gap between two messages to this chat the platform allows (about 1 s in a Telegram
     * DM, 3 s in a group): the delivery outbox sends a digest's next part after it.
     */
    default Duration pace(ChatRef chat) {
        return Duration.ZERO;
    }

    /** Whether this node can send through the channel now (a leased bot sends only where it is held). */
    default boolean ready() {
        return true;
    }

    /** The longest retry-after that a command answer waits out; a longer one fails the answer at once. */
    Duration ANSWER_RETRY_LIMIT = Duration.ofSeconds(10);

    /**
     * Splits and sends a whole reply (command answers, operator alerts); returns the message ids in
     * order. A part refused with a short retry-after (a 429 of a busy moment) is sent again after it,
     * up to three times, so a user's answer is not lost to another sender's burst; the delivery
     * outbox, which retries by itself, uses {@link #send}.
     */
    default List<String> sendAll(ChatRef chat, Reply reply) throws ChannelException {
        List<String> ids = new ArrayList<>();
        for (Reply part : split(reply)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    ids.add(send(chat, part));
                    break;
                } catch (ChannelException.RateLimited e) {
                    if (attempt == 3 || e.retryAfter().compareTo(ANSWER_RETRY_LIMIT) > 0) {
                        throw e;
                    }
                    try {
                        Thread.sleep(e.retryAfter().toMillis());
                    } catch (InterruptedException i) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
        return ids;
    }
}
