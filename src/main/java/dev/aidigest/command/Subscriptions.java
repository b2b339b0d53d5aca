package dev.aidigest.command;

import dev.aidigest.channel.ChatRef;
import java.time.Instant;
import java.util.List;
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

    /**
     * A chat's subscription as stored.
     *
     * @param topics      the digest items it gets are on one of these; empty: every item
     * @param emptyNotice when no item is on its topics: one line (true) or nothing (false)
     */
    record Subscription(
            long id, ChatRef chat, Plan plan, boolean active, Instant since, List<String> topics, boolean emptyNotice) {
        public Subscription {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }

        public Subscription(long id, ChatRef chat, Plan plan, boolean active, Instant since) {
            this(id, chat, plan, active, since, List.of(), false);
        }
    }

    /** Subscribes (or re-activates, or changes the plan of) the chat, without topics; returns the stored row. */
    default Subscription subscribe(ChatRef chat, Plan plan, String byUser) {
        return subscribe(chat, plan, List.of(), false, byUser);
    }

    /** Subscribes with topics (empty: every item) and the chat's choice for a digest with none on them. */
    Subscription subscribe(ChatRef chat, Plan plan, List<String> topics, boolean emptyNotice, String byUser);

    /** Deactivates; false when the chat had no active subscription. */
    boolean unsubscribe(ChatRef chat);

    Optional<Subscription> find(ChatRef chat);
}
