package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.delivery.Delivery;
import dev.aidigest.delivery.OutboxQueue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outbox table: idempotent enqueue, claim with {@code FOR UPDATE SKIP LOCKED}, progress per part.
 * A digest whose first part went out is claimed before new ones, so a chat gets its parts back to
 * back. On PostgreSQL a publish is announced with {@code NOTIFY} on {@link #CHANNEL}, which wakes the
 * delivery of every node at once ({@link OutboxListener}).
 */
public final class OutboxStore implements OutboxQueue {

    /** The PostgreSQL notification channel of new outbox and alert rows. */
    public static final String CHANNEL = "aidigest_outbox";

    private final Database db;

    public OutboxStore(Database db) {
        this.db = db;
    }

    @Override
    public int enqueue(long digestId, Instant now) {
        // NOT EXISTS keeps the common case quiet; ON CONFLICT DO NOTHING settles a race between two publishers.
        return db.write(c -> update(
                c,
                "INSERT INTO outbox (digest_id, subscription_id, status, due_at, created_at)"
                        + " SELECT d.id, s.id, 'pending', ?, ? FROM digest d JOIN subscription s ON s.active"
                        + " AND (s.plan = 'all' OR (s.plan = 'digest' AND d.kind = 'digest') OR (s.plan = 'daily' AND d.kind = 'report'))"
                        + " WHERE d.id = ? AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.digest_id = d.id AND o.subscription_id = s.id)"
                        + " ON CONFLICT DO NOTHING",
                now,
                now,
                digestId));
    }

    @Override
    public List<Delivery> claim(Set<String> platforms, int max, Instant now, Instant leaseUntil) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        return db.transaction(c -> {
            List<Long> ids = Sql.claimIds(
                    c,
                    "outbox",
                    "subscription_id",
                    "subscription",
                    platforms,
                    max,
                    now,
                    leaseUntil,
                    "CASE WHEN parts_sent > 0 THEN 0 ELSE 1 END, ");
            List<Delivery> out = new ArrayList<>();
            for (long id : ids) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT o.digest_id, o.subscription_id, o.parts_sent, o.attempts,"
                                + " s.platform, s.chat_id, s.chat_kind, s.active FROM outbox o JOIN subscription s ON s.id = o.subscription_id"
                                + " WHERE o.id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            ChatRef chat = new ChatRef(
                                    rs.getString(5),
                                    rs.getString(6),
                                    ChatRef.Kind.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)));
                            out.add(new Delivery(
                                    id,
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    chat,
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getBoolean(8)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void extend(List<Long> ids, Instant leaseUntil) {
        if (!ids.isEmpty()) {
            db.transaction(c -> Sql.extendLease(c, "outbox", ids, leaseUntil));
        }
    }

    @Override
    public Instant nextDue(Set<String> platforms) {
        return db.read(c -> {
            Instant a = Sql.nextDue(c, "outbox", "subscription_id", "subscription", platforms);
            Instant b = Sql.nextDue(c, "alert", "follow_id", "follow", platforms);
            return a == null ? b : b == null || a.isBefore(b) ? a : b;
        });
    }

    @Override
    public void announce() {
        if (db.isPostgres()) {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
                    ps.setString(1, CHANNEL);
                    ps.execute();
                }
                return null;
            });
        }
    }

    @Override
    public void partSent(long id, int partsSent, String messageId, Instant nextDue) {
        db.write(c -> update(
                c,
                "UPDATE outbox SET parts_sent = ?, due_at = ?, attempts = 0,"
                        + " message_ids = CASE WHEN message_ids = '' THEN ? ELSE message_ids || ',' || ? END WHERE id = ?",
                partsSent,
                nextDue,
                messageId,
                messageId,
                id));
    }

    @Override
    public void completed(long id, int partsSent, String messageId, Instant now) {
        db.write(c -> update(
                c,
                "UPDATE outbox SET status = 'sent', parts_sent = ?, sent_at = ?, last_error = NULL,"
                        + " message_ids = CASE WHEN message_ids = '' THEN ? ELSE message_ids || ',' || ? END WHERE id = ?",
                partsSent,
                now,
                messageId,
                messageId,
                id));
    }

    @Override
    public void retryAt(long id, Instant due, String error, boolean countAttempt) {
        db.write(c -> update(
                c,
                "UPDATE outbox SET due_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ?",
                due,
                Sql.clip(error, 1000),
                countAttempt ? 1 : 0,
                id));
    }

    @Override
    public void giveUp(long id, String status, String error) {
        db.write(c -> update(
                c, "UPDATE outbox SET status = ?, last_error = ? WHERE id = ?", status, Sql.clip(error, 1000), id));
    }
}
