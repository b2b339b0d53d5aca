package dev.aidigest.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /healthz} as JSON — database reachable (and how fast), the scheduler's triggers and their
 * next fire times, the age of the last digest and of the newest post; 503 when the database cannot
 * be reached — and {@code /metrics} in the Prometheus text format.
 */
public final class OpsRoutes implements Routes {

    private final OpsProbe probe;
    private final ServeMetrics metrics;
    private final Clock clock;
    private final List<HealthPart> parts;

    public OpsRoutes(OpsProbe probe, ServeMetrics metrics, Clock clock) {
        this(probe, metrics, clock, List.of());
    }

    /** @param parts more sections of /healthz, each under its name */
    public OpsRoutes(OpsProbe probe, ServeMetrics metrics, Clock clock, List<HealthPart> parts) {
        this.probe = probe;
        this.metrics = metrics;
        this.clock = clock;
        this.parts = List.copyOf(parts);
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
        for (HealthPart part : parts) {
            try {
                out.set(part.name(), part.report());
            } catch (RuntimeException e) {
                out.putObject(part.name()).put("error", String.valueOf(e.getMessage()));
            }
        }
        ctx.contentType("application/json").result(out.toString());
    }
}
