package dev.aidigest.store;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions;
import dev.aidigest.delivery.SubscriptionControl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Subscriptions of chats, one row per chat; deactivated rather than deleted. */
public final class SubscriptionStore implements Subscriptions, SubscriptionControl {

    private final Database db;
    private final Clock clock;

    public SubscriptionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Subscription subscribe(
            ChatRef chat, Plan plan, java.util.List<String> topics, boolean emptyNotice, String byUser) {
        String joined = topics.isEmpty() ? null : String.join("\n", topics);
        db.transaction(c -> {
            if (update(
                            c,
                            "UPDATE subscription SET plan = ?, topics = ?, empty_notice = ?, active = TRUE, note = NULL,"
                                    + " created_by = ?, updated_at = ? WHERE platform = ? AND chat_id = ?",
                            plan.key(),
                            joined,
                            emptyNotice,
                            byUser,
                            clock.instant(),
                            chat.platform(),
                            chat.chatId())
                    == 0) {
                update(
                        c,
                        "INSERT INTO subscription (platform, chat_id, chat_kind, plan, topics, empty_notice, active,"
                                + " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        chat.platform(),
                        chat.chatId(),
                        kind(chat),
                        plan.key(),
                        joined,
                        emptyNotice,
                        byUser,
                        clock.instant(),
                        clock.instant());
            }
            return null;
        });
        return find(chat).orElseThrow();
    }

    @Override
    public boolean unsubscribe(ChatRef chat) {
        return db.write(c -> update(
                        c,
                        "UPDATE subscription SET active = FALSE, note = 'unsubscribed', updated_at = ?"
                                + " WHERE platform = ? AND chat_id = ? AND active",
                        clock.instant(),
                        chat.platform(),
                        chat.chatId()))
                > 0;
    }

    @Override
    public Optional<Subscription> find(ChatRef chat) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, chat_kind, plan, active, created_at, topics, empty_notice FROM subscription"
                            + " WHERE platform = ? AND chat_id = ?")) {
                Sql.bind(ps, chat.platform(), chat.chatId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Subscription>empty();
                    }
                    return Optional.of(new Subscription(
                            rs.getLong("id"),
                            chat,
                            Plan.valueOf(rs.getString("plan").toUpperCase(Locale.ROOT)),
                            rs.getBoolean("active"),
                            Sql.time(rs, "created_at"),
                            topics(rs.getString("topics")),
                            rs.getBoolean("empty_notice")));
                }
            }
        });
    }

    @Override
    public void deactivate(long subscriptionId, String reason) {
        db.write(c -> update(
                c,
                "UPDATE subscription SET active = FALSE, note = ?, updated_at = ? WHERE id = ?",
                Sql.clip(reason, 500),
                clock.instant(),
                subscriptionId));
    }

    @Override
    public void moveChat(long subscriptionId, String newChatId) {
        db.transaction(c -> {
            // A row for the new id may exist already (the supergroup subscribed itself): keep the older one.
            update(
                    c,
                    "DELETE FROM subscription WHERE chat_id = ? AND platform = (SELECT platform FROM subscription WHERE id = ?)"
                            + " AND id <> ?",
                    newChatId,
                    subscriptionId,
                    subscriptionId);
            return update(
                    c,
                    "UPDATE subscription SET note = 'migrated from ' || chat_id, chat_id = ?, chat_kind = 'group',"
                            + " updated_at = ? WHERE id = ?",
                    newChatId,
                    clock.instant(),
                    subscriptionId);
        });
    }

    /** The stored topics, one a line. */
    static java.util.List<String> topics(String stored) {
        return stored == null || stored.isBlank() ? java.util.List.of() : java.util.List.of(stored.split("\n"));
    }

    static String kind(ChatRef chat) {
        return chat.kind().name().toLowerCase(Locale.ROOT);
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        }
    }
}
