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

    public OpsStore(Database db) {
        this.db = db;
    }

    @Override
    public Snapshot snapshot() {
        return db.read(c -> {
            String slot = null;
            Instant end = null;
            Instant updated = null;
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT slot, window_end, updated_at FROM digest WHERE kind = 'digest' ORDER BY window_end DESC LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    slot = rs.getString(1);
                    end = Sql.time(rs, 2);
                    updated = Sql.time(rs, 3);
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
}
