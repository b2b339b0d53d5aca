package dev.aidigest.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Named leases shared by the nodes of a cluster (implemented over PostgreSQL by
 * {@code store.LeaseStore}): a node holds a name until its lease expires and renews it while alive,
 * so when it dies another node can take the name after at most one lease time.
 */
public interface Leases {

    /** Who holds a lease, and until when. */
    record Holder(String name, String node, Instant acquiredAt, Instant expiresAt) {}

    /** A node seen lately. */
    record Node(String id, Instant startedAt, Instant seenAt) {}

    /**
     * Takes or renews {@code name} for {@code node} for {@code ttl} (by the database's clock) when it is
     * free, expired, or already this node's; returns whether {@code node} holds it now.
     */
    boolean hold(String name, String node, Duration ttl);

    /** Gives the lease up at once (a clean stop), if {@code node} holds it. */
    void release(String name, String node);

    /** Records that {@code node} is alive (for the cluster view), forgetting nodes unseen for a day. */
    void seen(String node, Instant startedAt);

    /** Removes {@code node} from the cluster view (a clean stop). */
    void left(String node);

    List<Holder> holders();

    List<Node> nodes();

    /** One process, nothing shared: every lease is this node's at once (the single-node default). */
    static Leases local() {
        return new LocalLeases();
    }
}
