package dev.aidigest.store;

import dev.aidigest.ingest.spend.ReadCall;
import dev.aidigest.ingest.spend.ReadTotals;
import dev.aidigest.ingest.spend.SpendLedger;
import dev.aidigest.ingest.spend.Tariff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The ledger of paid reads in {@code read_call}, {@code read_resource} and {@code read_flag}. */
public final class ReadLedgerStore implements SpendLedger {

    private final Database db;

    public ReadLedgerStore(Database db) {
        this.db = db;
    }

    @Override
    public long record(String provider, Tariff tariff, ReadCall call, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return db.transaction(c -> {
            int posts = tariff.oncePerDay()
                    ? firstToday(c, provider, day, "p", call.postIds())
                    : call.postIds().size();
            int users = tariff.oncePerDay()
                    ? firstToday(c, provider, day, "u", call.userIds())
                    : call.userIds().size();
            long cost = tariff.cost(posts, users);
            SubscriptionStore.update(
                    c,
                    "INSERT INTO read_call (provider, called_at, endpoint, posts_returned, users_returned,"
                            + " posts_charged, users_charged, cost_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    provider,
                    at,
                    Sql.clip(call.endpoint(), 200),
                    call.postIds().size(),
                    call.userIds().size(),
                    posts,
                    users,
                    cost);
            SubscriptionStore.update(
                    c, "DELETE FROM read_resource WHERE provider = ? AND read_day < ?", provider, day.minusDays(1));
            return cost;
        });
    }

    /** Marks the ids as charged today; returns how many were not charged today before. */
    private static int firstToday(Connection c, String provider, LocalDate day, String kind, List<String> ids)
            throws SQLException {
        int fresh = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO read_resource (provider, read_day, kind, resource_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            for (String id : new LinkedHashSet<>(ids)) {
                Sql.bind(ps, provider, day, kind, Sql.clip(id, 40));
                fresh += ps.executeUpdate();
            }
        }
        return fresh;
    }

    @Override
    public ReadTotals totals(String provider, Instant from, Instant to) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(posts_returned), 0),"
                    + " COALESCE(SUM(users_returned), 0), COALESCE(SUM(cost_micros), 0) FROM read_call"
                    + " WHERE provider = ? AND called_at >= ? AND called_at < ?")) {
                Sql.bind(ps, provider, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new ReadTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        });
    }

    @Override
    public Optional<String> flag(String provider, String key) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT flag_value FROM read_flag WHERE provider = ? AND flag_key = ?")) {
                Sql.bind(ps, provider, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void flag(String provider, String key, String value) {
        db.transaction(c -> {
            SubscriptionStore.update(c, "DELETE FROM read_flag WHERE provider = ? AND flag_key = ?", provider, key);
            if (value != null) {
                SubscriptionStore.update(
                        c,
                        "INSERT INTO read_flag (provider, flag_key, flag_value) VALUES (?, ?, ?)",
                        provider,
                        key,
                        Sql.clip(value, 500));
            }
            return null;
        });
    }
}
