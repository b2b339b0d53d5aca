package dev.aidigest.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cap on the connections one client address holds open at once, as a Jetty connection listener on
 * the server connector: a connection over the cap is closed as soon as it opens, before a byte of
 * it is read. One line is logged per address and minute while it is over the cap.
 */
final class ConnectionsPerAddress implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final int cap;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicLong> lastLogged = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    /** The address of each counted connection, kept: a closed socket no longer tells its peer. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int cap) {
        this.cap = cap;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection);
        if (address == null) {
            return;
        }
        int now = open.merge(address, 1, Integer::sum);
        if (now > cap) {
            release(address); // a refused connection is not counted, however its close is reported
            refused.incrementAndGet();
            logRefusal(address, now);
            connection.getEndPoint().close();
            return;
        }
        counted.put(connection, address);
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            release(address);
        }
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections refused since start. */
    long refused() {
        return refused.get();
    }

    private void logRefusal(InetAddress address, int now) {
        long t = System.nanoTime();
        if (lastLogged.size() > 10_000) {
            lastLogged.clear(); // many addresses at once: forget when each was last logged
        }
        AtomicLong last = lastLogged.computeIfAbsent(address, a -> new AtomicLong(t - LOG_EVERY_NANOS));
        long before = last.get();
        if (t - before >= LOG_EVERY_NANOS && last.compareAndSet(before, t)) {
            log.warn(
                    "refusing connections from {}: {} open, at most {} per address (http.max_connections_per_address)",
                    address.getHostAddress(),
                    now - 1,
                    cap);
        }
    }

    private static InetAddress address(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }
}
