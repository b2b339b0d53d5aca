package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ChatRef;
import java.time.Clock;

/** The chats the bot is in, processed update ids, and what membership changes do to subscriptions. */
public final class ChatStore implements ChatEvents {

    /** How long a handled update id is remembered: platforms redeliver within hours, not days. */
    static final java.time.Duration UPDATE_MEMORY = java.time.Duration.ofDays(7);
    /** Old update ids are pruned on the first check and then once every this many. */
    static final int PRUNE_EVERY = 1000;

    private final Database db;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();

    public ChatStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void botStatusChanged(ChatRef chat, String title, String status) {
        db.transaction(c -> {
            if (update(
                            c,
                            "UPDATE chat SET title = ?, bot_status = ?, kind = ?, updated_at = ? WHERE platform = ? AND chat_id = ?",
                            Sql.clip(title, 500),
                            status,
                            SubscriptionStore.kind(chat),
                            clock.instant(),
                            chat.platform(),
                            chat.chatId())
                    == 0) {
                update(
                        c,
                        "INSERT INTO chat (platform, chat_id, kind, title, bot_status, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        chat.platform(),
                        chat.chatId(),
                        SubscriptionStore.kind(chat),
                        Sql.clip(title, 500),
                        status,
                        clock.instant());
            }
            if ("left".equals(status) || "kicked".equals(status)) {
                update(
                        c,
                        "UPDATE subscription SET active = FALSE, note = ?, updated_at = ? WHERE platform = ? AND chat_id = ? AND active",
                        "bot " + status,
                        clock.instant(),
                        chat.platform(),
                        chat.chatId());
            }
            return null;
        });
    }

    @Override
    public void migrated(ChatRef from, String newChatId) {
        db.transaction(c -> {
            int moved = update(
                    c,
                    "UPDATE subscription SET chat_id = ?, note = ?, updated_at = ? WHERE platform = ? AND chat_id = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM subscription s2 WHERE s2.platform = ? AND s2.chat_id = ?)",
                    newChatId,
                    "migrated from " + from.chatId(),
                    clock.instant(),
                    from.platform(),
                    from.chatId(),
                    from.platform(),
                    newChatId);
            update(
                    c,
                    "UPDATE follow SET chat_id = ? WHERE platform = ? AND chat_id = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM follow f2 WHERE f2.platform = follow.platform AND f2.chat_id = ? AND f2.words = follow.words)",
                    newChatId,
                    from.platform(),
                    from.chatId(),
                    newChatId);
            update(
                    c,
                    "UPDATE chat SET chat_id = ?, updated_at = ? WHERE platform = ? AND chat_id = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM chat c2 WHERE c2.platform = ? AND c2.chat_id = ?)",
                    newChatId,
                    clock.instant(),
                    from.platform(),
                    from.chatId(),
                    from.platform(),
                    newChatId);
            return moved;
        });
    }

    @Override
    public boolean firstTime(String platform, long updateId) {
        if (checks.getAndIncrement() % PRUNE_EVERY == 0) {
            pruneUpdates();
        }
        return db.write(c -> update(
                        c,
                        "INSERT INTO processed_update (platform, update_id, processed_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        platform,
                        updateId,
                        clock.instant()))
                == 1;
    }

    /** Forgets update ids handled more than {@link #UPDATE_MEMORY} ago; returns how many. */
    public int pruneUpdates() {
        return db.write(c -> update(
                c,
                "DELETE FROM processed_update WHERE processed_at < ?",
                clock.instant().minus(UPDATE_MEMORY)));
    }
}
