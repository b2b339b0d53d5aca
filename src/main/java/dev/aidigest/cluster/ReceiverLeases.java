package dev.aidigest.cluster;

import dev.aidigest.channel.ChatBot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each bot's receiver ({@link ChatBot#receiver()}) on the one node of the cluster that holds its
 * lease. Every {@code every} the node renews what it holds and tries to take what is free or
 * expired: when the holder dies, another node takes over after at most {@code ttl + every}. A node
 * that cannot renew (database unreachable) stops its receivers before its lease can have passed to
 * another node, so two pollers never overlap for long. A clean stop gives the leases up at once.
 */
public final class ReceiverLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiverLeases.class);

    private final Leases leases;
    private final String node;
    private final Duration ttl;
    private final Duration every;
    private final Instant startedAt = Instant.now();
    private final Map<String, Receiver> receivers = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aidigest-leases");
        t.setDaemon(true);
        return t;
    });

    private static final class Receiver {
        final ChatBot bot;
        boolean running;
        boolean failed;
        long renewedNanos;

        Receiver(ChatBot bot) {
            this.bot = bot;
        }
    }

    public ReceiverLeases(Leases leases, String node, Duration ttl, Duration every) {
        if (every.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("lease renewal (" + every + ") must be shorter than the lease " + ttl);
        }
        this.leases = leases;
        this.node = node;
        this.ttl = ttl;
        this.every = every;
    }

    /** The usual timing: a 15 s lease renewed every 3 s (takeover within 18 s of a node's death). */
    public static ReceiverLeases of(Leases leases, String node) {
        return new ReceiverLeases(leases, node, Duration.ofSeconds(15), Duration.ofSeconds(3));
    }

    /** This node's id: host, process id and start time, unique across restarts. */
    public static String nodeId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "node";
            }
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    }

    public String node() {
        return node;
    }

    /** Adds a bot; those without a receiver (webhook only) are not leased. */
    public synchronized void add(ChatBot bot) {
        bot.receiver().ifPresent(name -> receivers.put("receiver:" + name, new Receiver(bot)));
    }

    /** One round now (so a lone node starts receiving at once), then one every {@code every}. */
    public void start() {
        round();
        timer.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void round() {
        try {
            leases.seen(node, startedAt);
        } catch (RuntimeException e) {
            log.debug("cluster node check-in failed: {}", e.getMessage());
        }
        for (Map.Entry<String, Receiver> e : receivers.entrySet()) {
            Receiver r = e.getValue();
            boolean held;
            try {
                held = leases.hold(e.getKey(), node, ttl);
                if (held) {
                    r.renewedNanos = System.nanoTime();
                }
            } catch (RuntimeException x) {
                // cannot tell: keep running only while the last renewal still covers us
                held = r.running
                        && System.nanoTime() - r.renewedNanos < ttl.minus(every).toNanos();
                log.warn("lease {}: cannot renew ({}){}", e.getKey(), x.getMessage(), held ? "" : "; stopping it");
            }
            if (held && !r.running) {
                try {
                    r.bot.startReceiving();
                    r.running = true;
                    r.failed = false;
                    log.info("lease {} taken by {}: receiving here", e.getKey(), node);
                } catch (Exception x) {
                    if (!r.failed) {
                        log.warn("lease {}: receiver did not start ({}); trying again", e.getKey(), x.getMessage());
                        r.failed = true;
                    }
                }
            } else if (!held && r.running) {
                r.bot.stopReceiving();
                r.running = false;
                log.info("lease {} lost by {}: receiving stopped here", e.getKey(), node);
            }
        }
    }

    /** The leases and nodes of the cluster, for {@code /healthz}. */
    public synchronized Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", node);
        List<Map<String, Object>> held = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        try {
            for (Leases.Holder h : leases.holders()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lease", h.name());
                m.put("node", h.node());
                m.put("here", h.node().equals(node));
                m.put("since", h.acquiredAt().toString());
                m.put("expires_at", h.expiresAt().toString());
                held.add(m);
            }
            for (Leases.Node n : leases.nodes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", n.id());
                m.put("started_at", n.startedAt().toString());
                m.put("seen_at", n.seenAt().toString());
                nodes.add(m);
            }
        } catch (RuntimeException e) {
            out.put("error", String.valueOf(e.getMessage()));
        }
        out.put("receivers", held);
        out.put("nodes", nodes);
        List<String> here = new ArrayList<>();
        receivers.forEach((name, r) -> {
            if (r.running) {
                here.add(name);
            }
        });
        out.put("receiving_here", here);
        return out;
    }

    /** Stops the receivers running here and gives their leases up, so another node takes over at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (Map.Entry<String, Receiver> e : receivers.entrySet()) {
                Receiver r = e.getValue();
                if (r.running) {
                    r.bot.stopReceiving();
                    r.running = false;
                }
                try {
                    leases.release(e.getKey(), node);
                } catch (RuntimeException x) {
                    log.debug("lease {} not released: {}", e.getKey(), x.getMessage());
                }
            }
            try {
                leases.left(node);
            } catch (RuntimeException x) {
                log.debug("node {} not removed from the cluster view: {}", node, x.getMessage());
            }
        }
    }
}
