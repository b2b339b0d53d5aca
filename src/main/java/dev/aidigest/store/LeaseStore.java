package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.cluster.Leases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Leases in table {@code cluster_lease} (PostgreSQL): taking one is a single conditional UPDATE (or
 * an INSERT when the name is new), judged by the database's clock, so nodes whose clocks differ
 * still agree on who holds what.
 */
public final class LeaseStore implements Leases {

    private final Database db;

    public LeaseStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean hold(String name, String node, Duration ttl) {
        double seconds = ttl.toMillis() / 1000.0;
        return db.transaction(c -> {
            int renewed = update(
                    c,
                    "UPDATE cluster_lease SET"
                            + " acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE clock_timestamp() END,"
                            + " holder = ?, expires_at = clock_timestamp() + make_interval(secs => ?)"
                            + " WHERE name = ? AND (holder = ? OR expires_at < clock_timestamp())",
                    node,
                    node,
                    seconds,
                    name,
                    node);
            if (renewed == 1) {
                return true;
            }
            return update(
                            c,
                            "INSERT INTO cluster_lease (name, holder, acquired_at, expires_at)"
                                    + " VALUES (?, ?, clock_timestamp(), clock_timestamp() + make_interval(secs => ?))"
                                    + " ON CONFLICT DO NOTHING",
                            name,
                            node,
                            seconds)
                    == 1;
        });
    }

    @Override
    public void release(String name, String node) {
        db.write(c -> update(c, "DELETE FROM cluster_lease WHERE name = ? AND holder = ?", name, node));
    }

    @Override
    public void seen(String node, Instant startedAt) {
        db.transaction(c -> {
            if (update(c, "UPDATE cluster_node SET seen_at = clock_timestamp() WHERE id = ?", node) == 0) {
                update(
                        c,
                        "INSERT INTO cluster_node (id, started_at, seen_at) VALUES (?, ?, clock_timestamp())"
                                + " ON CONFLICT DO NOTHING",
                        node,
                        startedAt);
            }
            return update(c, "DELETE FROM cluster_node WHERE seen_at < clock_timestamp() - INTERVAL '1 day'");
        });
    }

    @Override
    public void left(String node) {
        db.write(c -> update(c, "DELETE FROM cluster_node WHERE id = ?", node));
    }

    @Override
    public List<Holder> holders() {
        return db.read(c -> {
            List<Holder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT name, holder, acquired_at, expires_at FROM cluster_lease ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Holder(rs.getString(1), rs.getString(2), Sql.time(rs, 3), Sql.time(rs, 4)));
                }
            }
            return out;
        });
    }

    @Override
    public List<Node> nodes() {
        return db.read(c -> {
            List<Node> out = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT id, started_at, seen_at FROM cluster_node ORDER BY started_at");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Node(rs.getString(1), Sql.time(rs, 2), Sql.time(rs, 3)));
                }
            }
            return out;
        });
    }
}
