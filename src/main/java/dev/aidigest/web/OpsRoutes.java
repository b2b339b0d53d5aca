package dev.aidigest.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code /healthz} as JSON — database reachable (and how fast), the scheduler's triggers and their
 * next fire times, the age of the last digest and of the newest post; 503 when the database cannot
 * be reached — and {@code /metrics} in the Prometheus text format.
 */
public final class OpsRoutes implements Routes {

    /** More facts for {@code /healthz}, each under its own key (e.g. {@code cluster}: nodes and leases). */
    public interface Section {
        String name();

        /** Plain values (maps, lists, strings, numbers, booleans), written as JSON. */
        Object facts();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper FACTS =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final OpsProbe probe;
    private final ServeMetrics metrics;
    private final Clock clock;
    private final java.util.List<Section> sections;

    public OpsRoutes(OpsProbe probe, ServeMetrics metrics, Clock clock) {
        this(probe, metrics, clock, java.util.List.of());
    }

    public OpsRoutes(OpsProbe probe, ServeMetrics metrics, Clock clock, java.util.List<Section> sections) {
        this.probe = probe;
        this.metrics = metrics;
        this.clock = clock;
        this.sections = java.util.List.copyOf(sections);
    }

    @Override
    public void addTo(JavalinConfig cfg) {
        cfg.routes.get("/healthz", this::health);
        cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }

    private void health(Context ctx) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Instant now = clock.instant();
        long started = System.nanoTime();
        OpsProbe.Snapshot s;
        try {
            s = probe.snapshot();
        } catch (RuntimeException e) {
            out.put("status", "down");
            out.putObject("database").put("ok", false).put("error", String.valueOf(e.getMessage()));
            ctx.status(503).contentType("application/json").result(out.toString());
            return;
        }
        out.put("status", "ok");
        out.putObject("database").put("ok", true).put("ms", (System.nanoTime() - started) / 1_000_000);
        ObjectNode scheduler = out.putObject("scheduler");
        scheduler.put("known", !s.triggers().isEmpty());
        for (OpsProbe.Trigger t : s.triggers()) {
            ObjectNode n = scheduler.putObject(t.name()).put("state", t.state());
            if (t.nextFire() != null) {
                n.put("next_fire", t.nextFire().toString());
            }
        }
        ObjectNode digest = out.putObject("last_digest");
        if (s.lastDigestSlot() != null) {
            digest.put("slot", s.lastDigestSlot())
                    .put("window_end", s.lastDigestEnd().toString())
                    .put("age_seconds", Duration.between(s.lastDigestEnd(), now).toSeconds());
        }
        if (s.newestPost() != null) {
            out.putObject("newest_post")
                    .put("created_at", s.newestPost().toString())
                    .put("age_seconds", Duration.between(s.newestPost(), now).toSeconds());
        }
        for (Section section : sections) {
            out.set(section.name(), FACTS.valueToTree(section.facts()));
        }
        ctx.contentType("application/json").result(out.toString());
    }
}
