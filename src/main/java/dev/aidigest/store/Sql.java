package dev.aidigest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Small JDBC helpers shared by the stores of the chat side (TIMESTAMPTZ in and out). */
final class Sql {

    private Sql() {}

    static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        ps.setObject(i, t == null ? null : t.atOffset(ZoneOffset.UTC));
    }

    static Instant time(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant time(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                setTime(ps, i + 1, t);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /**
     * Leases up to {@code max} pending rows of {@code table} whose owner row ({@code ownerColumn} →
     * {@code ownerTable.id}) is on one of {@code platforms}, oldest due first, and returns their ids.
     * Rows another worker holds are skipped ({@code FOR UPDATE SKIP LOCKED}); a leased row is due again
     * at {@code leaseUntil}, so a worker that dies mid-send gives it back. Call inside a transaction.
     */
    static List<Long> claimIds(
            Connection c,
            String table,
            String ownerColumn,
            String ownerTable,
            Set<String> platforms,
            int max,
            Instant now,
            Instant leaseUntil)
            throws SQLException {
        return claimIds(c, table, ownerColumn, ownerTable, platforms, max, now, leaseUntil, "");
    }

    /** As above; {@code firstOrder} (an ORDER BY term and a comma, or empty) ranks due rows before the due time. */
    static List<Long> claimIds(
            Connection c,
            String table,
            String ownerColumn,
            String ownerTable,
            Set<String> platforms,
            int max,
            Instant now,
            Instant leaseUntil,
            String firstOrder)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id FROM " + table + " t"
                + " WHERE t.status = 'pending' AND t.due_at <= ? AND " + onPlatforms(ownerColumn, ownerTable, platforms)
                + " ORDER BY " + firstOrder + "t.due_at, t.id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            List<Object> args = new ArrayList<>();
            args.add(now);
            args.addAll(platforms);
            args.add(max);
            bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET due_at = ? WHERE id = ?")) {
            for (long id : ids) {
                setTime(ps, 1, leaseUntil);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        return ids;
    }

    /** Moves the lease of rows still held (status pending) to {@code leaseUntil}: the holder is alive. */
    static int extendLease(Connection c, String table, List<Long> ids, Instant leaseUntil) throws SQLException {
        int n = 0;
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + table + " SET due_at = ? WHERE id = ? AND status = 'pending'")) {
            for (long id : ids) {
                setTime(ps, 1, leaseUntil);
                ps.setLong(2, id);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /** The earliest due time of pending rows of {@code table} on these platforms, or null. */
    static Instant nextDue(Connection c, String table, String ownerColumn, String ownerTable, Set<String> platforms)
            throws SQLException {
        if (platforms.isEmpty()) {
            return null;
        }
        // the first in the order of the (status, due_at) index that is on one of the platforms
        try (PreparedStatement ps = c.prepareStatement("SELECT t.due_at FROM " + table + " t"
                + " WHERE t.status = 'pending' AND " + onPlatforms(ownerColumn, ownerTable, platforms)
                + " ORDER BY t.due_at LIMIT 1")) {
            bind(ps, platforms.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? time(rs, 1) : null;
            }
        }
    }

    /**
     * The condition that row {@code t}'s owner is on one of {@code platforms}, as a lookup of the owner by
     * its primary key for each candidate row. Written as a semi-join ({@code owner IN (SELECT id …
     * WHERE platform IN …)}), PostgreSQL plans it from the tables' statistics, and on tables filled since
     * they were last analysed (a first fan-out to thousands of new subscribers, or autovacuum off) it
     * scanned every subscription of the platform for every due row: 2 s per claim at 5,000 chats.
     */
    private static String onPlatforms(String ownerColumn, String ownerTable, Set<String> platforms) {
        return "(SELECT w.platform FROM " + ownerTable + " w WHERE w.id = t." + ownerColumn + ") IN ("
                + String.join(",", Collections.nCopies(platforms.size(), "?")) + ")";
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
