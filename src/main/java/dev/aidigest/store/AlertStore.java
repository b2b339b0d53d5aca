package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.delivery.AlertQueue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tables follow and alert: queued /follow alerts, claimed like outbox rows. */
public final class AlertStore implements AlertQueue {

    private final Database db;

    public AlertStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Follow> follows() {
        return db.read(c -> {
            List<Follow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT id, platform, chat_id, chat_kind, words FROM follow ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Follow(
                            rs.getLong(1),
                            new ChatRef(
                                    rs.getString(2),
                                    rs.getString(3),
                                    ChatRef.Kind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT))),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    @Override
    public List<Item> items(long digestId) {
        return db.read(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT di.story_key, d.slot, di.headline, di.summary, di.url"
                            // a daily report retells digests whose items were alerted on when published
                            + " FROM digest_item di JOIN digest d ON d.id = di.digest_id"
                            + " WHERE d.id = ? AND d.kind = 'digest' ORDER BY di.position")) {
                ps.setLong(1, digestId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Item(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean add(long followId, Item item, Instant now) {
        return db.write(c -> update(
                        c,
                        "INSERT INTO alert (follow_id, story_key, slot, headline, url, status, due_at, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING",
                        followId,
                        item.storyKey(),
                        item.slot(),
                        Sql.clip(item.headline(), 1000),
                        item.url(),
                        now,
                        now))
                == 1;
    }

    @Override
    public List<Alert> claim(Set<String> platforms, int max, Instant now, Instant leaseUntil) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        return db.transaction(c -> {
            List<Long> ids = Sql.claimIds(c, "alert", "follow_id", "follow", platforms, max, now, leaseUntil);
            List<Alert> out = new ArrayList<>();
            for (long id : ids) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT f.platform, f.chat_id, f.chat_kind, f.words, a.slot,"
                                + " a.headline, a.url, a.attempts FROM alert a JOIN follow f ON f.id = a.follow_id WHERE a.id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(new Alert(
                                    id,
                                    new ChatRef(
                                            rs.getString(1),
                                            rs.getString(2),
                                            ChatRef.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT))),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getInt(8)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void sent(long id, String messageId) {
        db.write(c -> update(
                c, "UPDATE alert SET status = 'sent', message_id = ?, last_error = NULL WHERE id = ?", messageId, id));
    }

    @Override
    public void retryAt(long id, Instant due, String error, boolean countAttempt) {
        db.write(c -> update(
                c,
                "UPDATE alert SET due_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ?",
                due,
                Sql.clip(error, 1000),
                countAttempt ? 1 : 0,
                id));
    }

    @Override
    public void giveUp(long id, String status, String error) {
        db.write(c -> update(
                c, "UPDATE alert SET status = ?, last_error = ? WHERE id = ?", status, Sql.clip(error, 1000), id));
    }
}
