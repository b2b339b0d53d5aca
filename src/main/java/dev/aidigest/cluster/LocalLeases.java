package dev.aidigest.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Leases#local()}: one process holds everything (H2, one node); kept in memory for the health view. */
final class LocalLeases implements Leases {

    private final Map<String, Holder> held = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    @Override
    public synchronized boolean hold(String name, String node, Duration ttl) {
        Instant now = Instant.now();
        Holder h = held.get(name);
        held.put(name, new Holder(name, node, h == null ? now : h.acquiredAt(), now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void release(String name, String node) {
        held.remove(name);
    }

    @Override
    public synchronized void seen(String node, Instant startedAt) {
        nodes.put(node, new Node(node, startedAt, Instant.now()));
    }

    @Override
    public synchronized void left(String node) {
        nodes.remove(node);
    }

    @Override
    public synchronized List<Holder> holders() {
        return new ArrayList<>(held.values());
    }

    @Override
    public synchronized List<Node> nodes() {
        return new ArrayList<>(nodes.values());
    }
}
