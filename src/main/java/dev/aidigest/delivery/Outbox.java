package dev.aidigest.delivery;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing: queue a stored digest to its subscribers. Safe to call again for the same digest (only
 * subscriptions without a row get one) and from another process while {@code serve} runs: new rows
 * are announced to every node (PostgreSQL {@code NOTIFY}), in-process publishers also wake this
 * node's delivery directly, and on H2 the delivery loop looks every second.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxQueue queue;
    private final Alerts alerts;
    private final Clock clock;
    private volatile Runnable wake = () -> {};

    public Outbox(OutboxQueue queue, Clock clock) {
        this(queue, null, clock);
    }

    /** @param alerts queues /follow alerts for the items of each published digest; null for none */
    public Outbox(OutboxQueue queue, Alerts alerts, Clock clock) {
        this.queue = queue;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Called by {@code serve} so a publish starts delivery at once instead of waiting for its poll. */
    public void onPublished(Runnable wake) {
        this.wake = wake;
    }

    /** Queues digest {@code digestId} (a row id of table digest); returns the number of chats newly queued. */
    public int publish(long digestId) {
        int added = queue.enqueue(digestId, clock.instant());
        int alerted = alerts == null ? 0 : alerts.queueFor(digestId);
        log.info("digest {} queued to {} new subscription(s), {} new follow alert(s)", digestId, added, alerted);
        if (added + alerted > 0) {
            queue.announce();
            wake.run();
        }
        return added;
    }
}
