package dev.aidigest.delivery;

import dev.aidigest.channel.ChatRef;

/**
 * One claimed outbox row: a digest promised to a subscription.
 *
 * @param partsSent messages of this digest already delivered to the chat (resume point)
 * @param active    false when the subscription was cancelled after the row was queued
 */
public record Delivery(
        long id, long digestId, long subscriptionId, ChatRef chat, int partsSent, int attempts, boolean active) {}
