package dev.aidigest.store;

import dev.aidigest.web.OpsProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads for /healthz and /metrics: newest digest and post, Quartz triggers, stored counts. */
public final class OpsStore implements OpsProbe {

    private final Database db;
    private final java.time.Clock clock;

    public OpsStore(Database db) {
        this(db, java.time.Clock.systemUTC());
    }

    /** @param clock what "now" is for the last digest (never a future one) */
    public OpsStore(Database db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Snapshot snapshot() {
        return db.read(c -> {
            String slot = null;
            Instant end = null;
            Instant updated = null;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT slot, window_end, updated_at FROM digest WHERE kind = 'digest'"
                            + ArchiveStore.PUBLISHABLE + " ORDER BY window_end DESC LIMIT 1")) {
                Sql.bind(ps, clock.instant());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        slot = rs.getString(1);
                        end = Sql.time(rs, 2);
                        updated = Sql.time(rs, 3);
                    }
                }
            }
            Instant newest = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(created_at) FROM post");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    newest = Sql.time(rs, 1);
                }
            }
            return new Snapshot(slot, end, updated, newest, triggers(c));
        });
    }

    private static List<Trigger> triggers(Connection c) {
        List<Trigger> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT trigger_name, trigger_state, next_fire_time FROM qrtz_triggers ORDER BY trigger_name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long next = rs.getLong(3);
                out.add(new Trigger(
                        rs.getString(1),
                        rs.getString(2),
                        rs.wasNull() || next <= 0 ? null : Instant.ofEpochMilli(next)));
            }
        } catch (SQLException e) {
            // no scheduler tables or rows: the scheduler state is simply unknown
        }
        return out;
    }

    @Override
    public Counts counts() {
        return db.read(c -> {
            long posts = single(c, "SELECT COUNT(*) FROM post");
            Map<String, Long> editions = new HashMap<>();
            Map<String, long[]> llm = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT kind, COUNT(*), SUM(llm_calls), SUM(llm_input_tokens), SUM(llm_output_tokens)"
                                    + " FROM digest GROUP BY kind");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    editions.put(rs.getString(1), rs.getLong(2));
                    llm.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
            Map<String, Long> outbox = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM outbox GROUP BY status");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outbox.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Counts(posts, editions, llm, outbox);
        });
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public OutboxTrouble outboxTrouble(Instant now, java.time.Duration stuckAfter) {
        return db.read(c -> {
            long failed;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND created_at > ?")) {
                Sql.bind(ps, now.minus(java.time.Duration.ofDays(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    failed = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), MIN(due_at) FROM outbox WHERE status = 'pending' AND due_at < ?")) {
                Sql.bind(ps, now.minus(stuckAfter));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new OutboxTrouble(failed, rs.getLong(1), Sql.time(rs, 2));
                }
            }
        });
    }

    @Override
    public List<SourceFacts> sourceFacts() {
        return db.read(c -> {
            Map<String, String[]> by = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source, state_key, state_value FROM source_state"
                            + " WHERE state_key IN ('backoff.failures', 'backoff.until')");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] v = by.computeIfAbsent(rs.getString(1), k -> new String[2]);
                    v["backoff.failures".equals(rs.getString(2)) ? 0 : 1] = rs.getString(3);
                }
            }
            List<SourceFacts> out = new ArrayList<>();
            by.forEach((source, v) -> {
                int failures = v[0] == null ? 0 : Integer.parseInt(v[0].trim());
                Instant until = v[1] == null ? null : Instant.parse(v[1].trim());
                out.add(new SourceFacts(source, failures, until == null || until.equals(Instant.EPOCH) ? null : until));
            });
            return out;
        });
    }

    @Override
    public Map<String, Instant> newestPostBy(java.util.Collection<String> handles) {
        return db.read(c -> {
            Map<String, Instant> out = new java.util.TreeMap<>();
            // one indexed look per account (author_handle, created_at), as configured and in lower case
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT MAX(created_at) FROM post WHERE author_handle IN (?, ?)")) {
                for (String h : handles) {
                    ps.setString(1, h);
                    ps.setString(2, h.toLowerCase(java.util.Locale.ROOT));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(h, Sql.time(rs, 1));
                        }
                    }
                }
            }
            return out;
        });
    }
}
