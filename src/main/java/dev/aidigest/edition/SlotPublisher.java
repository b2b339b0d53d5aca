package dev.aidigest.edition;

import dev.aidigest.delivery.Outbox;
import dev.aidigest.digest.Slot;

/**
 * The one path from a slot to the chats, taken by {@code digest [--publish]} and by the scheduled digest
 * job alike: the freshness check (dead sources make no digest), then the edition (build, render, store
 * with its search terms in the same transaction, write into the site), then, when asked, the outbox. Each
 * step starts only after the one before it is durable, so nothing is written or sent that the database
 * could lose.
 */
public final class SlotPublisher {

    /** A made edition and how many subscriptions it was newly queued to (0 when not published). */
    public record Published(DigestEditions.Edition edition, int queued) {}

    private final Freshness freshness;
    private final DigestEditions editions;
    private final Outbox outbox;

    public SlotPublisher(Freshness freshness, DigestEditions editions, Outbox outbox) {
        this.freshness = freshness;
        this.editions = editions;
        this.outbox = outbox;
    }

    /**
     * Makes the edition of {@code slot} and, with {@code publish}, queues it to every subscription that
     * has not had it.
     *
     * @throws Freshness.StaleSourcesException when the sources look dead at the slot; nothing is made
     */
    public Published run(Slot slot, boolean publish) {
        return run(slot, publish, false);
    }

    /**
     * As above; with {@code allowEmpty} a window without posts still makes (and stores) an edition, and
     * stale sources do not stop it.
     *
     * @throws EditionWithheld when the window has no posts and {@code allowEmpty} is false
     */
    public Published run(Slot slot, boolean publish, boolean allowEmpty) {
        if (!allowEmpty) {
            freshness.check(slot); // --allow-empty: made whatever the sources look like
        }
        DigestEditions.Edition edition = editions.make(slot, allowEmpty);
        int queued = publish ? outbox.publish(edition.id()) : 0;
        return new Published(edition, queued);
    }
}
