package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.channel.RateBudget;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * A bot's global rate as one row of {@code rate_budget} (PostgreSQL), shared by every node: each
 * message moves {@code next_at} one gap on ({@code GREATEST(next_at, now) + gap}, one row lock, one
 * round trip) and waits until its slot, so the slots of all nodes together are evenly spaced at the
 * platform's rate. A 429 moves {@code next_at} past the platform's retry-after for every node.
 * Times are the database's, so the nodes' clocks need not agree.
 */
public final class RateBudgetStore implements RateBudget {

    private final Database db;
    private final String name;
    private final double gapSeconds;

    /** @param name the bot ({@code telegram:<bot id>}); @param perSecond its global rate */
    public RateBudgetStore(Database db, String name, double perSecond) {
        this.db = db;
        this.name = name;
        this.gapSeconds = 1.0 / perSecond;
        db.write(c -> update(
                c,
                "INSERT INTO rate_budget (name, next_at, updated_at) VALUES (?, clock_timestamp(), clock_timestamp())"
                        + " ON CONFLICT DO NOTHING",
                name));
    }

    @Override
    public Duration reserve() {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rate_budget SET"
                    + " next_at = GREATEST(next_at, clock_timestamp()) + make_interval(secs => ?),"
                    + " updated_at = clock_timestamp() WHERE name = ?"
                    + " RETURNING EXTRACT(EPOCH FROM (next_at - clock_timestamp())) - ?")) {
                ps.setDouble(1, gapSeconds);
                ps.setString(2, name);
                ps.setDouble(3, gapSeconds);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new DatabaseException("rate budget " + name + " is missing", null);
                    }
                    double wait = rs.getDouble(1);
                    return wait <= 0 ? Duration.ZERO : Duration.ofNanos((long) (wait * 1e9));
                }
            }
        });
    }

    @Override
    public void pause(Duration retryAfter) {
        db.write(c -> update(
                c,
                "UPDATE rate_budget SET next_at = GREATEST(next_at, clock_timestamp() + make_interval(secs => ?)),"
                        + " paused_until = clock_timestamp() + make_interval(secs => ?), updated_at = clock_timestamp()"
                        + " WHERE name = ?",
                retryAfter.toMillis() / 1000.0,
                retryAfter.toMillis() / 1000.0,
                name));
    }
}
