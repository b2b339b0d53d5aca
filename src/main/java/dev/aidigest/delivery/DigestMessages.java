package dev.aidigest.delivery;

import dev.aidigest.channel.Reply;
import java.util.List;
import java.util.Optional;

/**
 * What a stored digest says in a chat, by its row id: the one message the outbox promises, before the
 * channel splits it into parts. Implemented over the stored digests by the chat commands' renderer, so a
 * subscriber reads what {@code /latest} shows.
 */
@FunctionalInterface
public interface DigestMessages {

    /** The digest as one chat message; empty when the digest is gone. */
    Optional<Reply> byId(long digestId);

    /**
     * The digest as a subscription with {@code topics} sees it: only its items on at least one of them
     * (the digest is never summarized again), or, when none is, the one line saying so; empty when the
     * digest is gone. Without topics, or where the messages cannot select, the whole digest.
     */
    default Optional<Selection> on(long digestId, List<String> topics) {
        return byId(digestId).map(m -> new Selection(m, false));
    }

    /**
     * @param message         what to send
     * @param nothingOnTopics no item is on the topics: {@code message} is the line that says so
     */
    record Selection(Reply message, boolean nothingOnTopics) {}
}
