package dev.aidigest.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The delivery outbox in the database (implemented by {@code store.OutboxStore}). Rows are unique
 * per (digest, subscription), so publishing twice queues nothing new for chats that have the digest.
 */
public interface OutboxQueue {

    /**
     * Queues the digest for every active subscription whose plan covers its kind and that has no row
     * for it yet. Returns the number of rows added.
     */
    int enqueue(long digestId, Instant now);

    /**
     * Claims up to {@code max} due rows of these platforms ({@code FOR UPDATE SKIP LOCKED}, so workers
     * on several nodes never take the same row) and leases them until {@code leaseUntil}: a worker
     * that dies leaves them to be claimed again after the lease.
     */
    List<Delivery> claim(Set<String> platforms, int max, Instant now, Instant leaseUntil);

    /** The worker holding these rows is alive: their lease runs until {@code leaseUntil}. */
    void extend(List<Long> ids, Instant leaseUntil);

    /**
     * The earliest due time of pending outbox and alert rows of these platforms (null: none), so the
     * delivery loop sleeps until exactly then.
     */
    Instant nextDue(Set<String> platforms);

    /**
     * Tells every node that rows were queued (PostgreSQL {@code NOTIFY}; nothing on a single-process
     * database, where the publisher wakes delivery itself or the loop's short poll finds them).
     */
    default void announce() {}

    /** One more part was delivered; the row is due again at {@code nextDue} for its next part. */
    void partSent(long id, int partsSent, String messageId, Instant nextDue);

    /** Every part was delivered. */
    void completed(long id, int partsSent, String messageId, Instant now);

    /** Not sent now; try again at {@code due}. {@code countAttempt} false for rate limits. */
    void retryAt(long id, Instant due, String error, boolean countAttempt);

    /** Gives up: {@code status} is {@code failed} (the platform refused it) or {@code dropped} (chat gone). */
    void giveUp(long id, String status, String error);
}
