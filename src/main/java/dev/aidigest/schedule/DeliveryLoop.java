package dev.aidigest.schedule;

import dev.aidigest.delivery.DeliveryWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox on a thread of this node (every node runs one; their claims never overlap). After
 * each drain it sleeps exactly until the next row is due (a digest's next part about a second later),
 * at most {@code idlePoll}, and {@link #wake} ends the sleep at once: an in-process publish, or a
 * {@code NOTIFY} from another process on PostgreSQL. On shutdown it finishes and records the message in
 * flight and releases the rest of its claim.
 */
final class DeliveryLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final DeliveryWorker worker;
    private final Duration idlePoll;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running;
    private boolean woken;

    /** @param idlePoll the longest sleep with nothing due (a short poll where no notification can come) */
    DeliveryLoop(DeliveryWorker worker, Duration idlePoll, Clock clock) {
        this.worker = worker;
        this.idlePoll = idlePoll;
        this.clock = clock;
        this.thread = new Thread(this::loop, "aidigest-delivery");
        this.thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Something was queued: drain now. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    private void loop() {
        long failures = 0;
        while (running) {
            long sleepMillis;
            try {
                int sent = worker.drain(() -> running);
                if (sent > 0) {
                    log.info("delivery: {} message(s) sent", sent);
                }
                failures = 0;
                sleepMillis = untilNextDue();
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1) {
                    log.warn("delivery run failed: {}", e.getMessage());
                }
                sleepMillis = Math.min(idlePoll.toMillis(), 500L << Math.min(5, failures));
            }
            pause(sleepMillis);
        }
    }

    private long untilNextDue() {
        Instant next = worker.nextDue();
        long idle = idlePoll.toMillis();
        if (next == null) {
            return idle;
        }
        long ms = Duration.between(clock.instant(), next).toMillis();
        return Math.max(
                20, Math.min(idle, ms)); // a row due now but held for a moment by another claim: look again soon
    }

    private synchronized void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        try {
            while (running && !woken && System.currentTimeMillis() < until) {
                wait(Math.max(1, until - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        woken = false;
    }

    /** Stops after the message in flight; waits for the loop up to {@code grace}. */
    void stop(Duration grace) {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
