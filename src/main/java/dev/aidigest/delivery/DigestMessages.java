package dev.aidigest.delivery;

import dev.aidigest.channel.Reply;
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
}
