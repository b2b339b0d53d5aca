package dev.aidigest.delivery;

import dev.aidigest.channel.ChatRef;

/**
 * One claimed outbox row: a digest promised to a subscription.
 *
 * @param partsSent messages of this digest already delivered to the chat (resume point)
 * @param active    false when the subscription was cancelled after the row was queued
 * @param topics    the subscription's topics: only the digest items on them are sent (empty: all)
 * @param emptyNotice one line when no item is on them, else nothing
 */
public record Delivery(
        long id,
        long digestId,
        long subscriptionId,
        ChatRef chat,
        int partsSent,
        int attempts,
        boolean active,
        java.util.List<String> topics,
        boolean emptyNotice) {

    public Delivery {
        topics = topics == null ? java.util.List.of() : java.util.List.copyOf(topics);
    }

    public Delivery(
            long id, long digestId, long subscriptionId, ChatRef chat, int partsSent, int attempts, boolean active) {
        this(id, digestId, subscriptionId, chat, partsSent, attempts, active, java.util.List.of(), false);
    }
}
