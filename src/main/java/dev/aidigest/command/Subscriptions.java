package dev.aidigest.command;

import dev.aidigest.channel.ChatRef;
import java.time.Instant;
import java.util.Optional;

/** Which chats receive what (implemented by {@code store.SubscriptionStore}). */
public interface Subscriptions {

    /** What a chat receives. */
    enum Plan {
        DIGEST,
        DAILY,
        ALL;

        public static Optional<Plan> parse(String s) {
            String v = s == null || s.isBlank() ? "digest" : s.trim().toLowerCase(java.util.Locale.ROOT);
            for (Plan p : values()) {
                if (p.name().toLowerCase(java.util.Locale.ROOT).equals(v)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A chat's subscription as stored. */
    record Subscription(long id, ChatRef chat, Plan plan, boolean active, Instant since) {}

    /** Subscribes (or re-activates, or changes the plan of) the chat; returns the stored row. */
    Subscription subscribe(ChatRef chat, Plan plan, String byUser);

    /** Deactivates; false when the chat had no active subscription. */
    boolean unsubscribe(ChatRef chat);

    Optional<Subscription> find(ChatRef chat);
}
