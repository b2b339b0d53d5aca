package dev.aidigest.cluster;

import java.time.Duration;
import java.util.function.Function;

/**
 * What one {@code serve} node needs to share work with the others.
 *
 * @param receivers which bot receivers run here (local leases on a single node)
 * @param listen    starts listening for publishes from other processes, calling the given wake-up
 *                  (PostgreSQL {@code LISTEN}); what it returns stops listening
 * @param idlePoll  the delivery loop's longest sleep with nothing due: short where nothing can
 *                  announce a publish from another process (H2), a safety net where it can
 */
public record ClusterNode(ReceiverLeases receivers, Function<Runnable, AutoCloseable> listen, Duration idlePoll) {

    /** One process (H2): every receiver runs here, a publish from another process is seen within a second. */
    public static ClusterNode single() {
        return new ClusterNode(
                ReceiverLeases.of(Leases.local(), ReceiverLeases.nodeId()), wake -> () -> {}, Duration.ofSeconds(1));
    }
}
