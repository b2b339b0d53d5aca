package dev.aidigest.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on {@link OutboxStore#CHANNEL} over one connection of its own, outside the pool (so a
 * busy pool at start-up cannot delay it) (PostgreSQL): a publish
 * from any process (another node, {@code digest --publish}) runs {@code wake} here within
 * milliseconds. A lost connection is opened again after a pause; meanwhile the delivery loop's own
 * poll still finds the rows.
 */
public final class OutboxListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final Database db;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean running = true;

    public OutboxListener(Database db, Runnable wake) {
        this.db = db;
        this.wake = wake;
        this.thread = new Thread(this::loop, "aidigest-outbox-listen");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        boolean warned = false;
        while (running) {
            try (Connection c = db.unpooled()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + OutboxStore.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                warned = false;
                wake.run(); // rows queued while we were not listening
                while (running) {
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got != null && got.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("outbox LISTEN lost ({}); trying again", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
    }

    private synchronized void pause() {
        try {
            wait(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
