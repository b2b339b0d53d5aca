package dev.aidigest.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /healthz} as JSON: the overall status ({@code ok | degraded | down}) and one part per
 * component from the {@link Health.Check}s it is given (database always; under {@code serve} also
 * the scheduler, the sources' newest posts, each chat platform, the outbox and the last slot), plus
 * the database's latency, the triggers, the last digest and the newest post. Down is 503; degraded
 * is 200 so load balancers keep the node, and 503 with {@code ?strict}. {@code /metrics}: the
 * Prometheus text, with each component's status as {@code aidigest_health_status}.
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
    private final List<Health.Check> checks;
    private final java.util.List<Section> sections;

    /** The database and the outbox only (a web server without the scheduler). */
    public OpsRoutes(OpsProbe probe, ServeMetrics metrics, Clock clock) {
        this(probe, metrics, clock, java.util.List.of());
    }

    /** @param sections more facts, each under its own key */
    public OpsRoutes(OpsProbe probe, ServeMetrics metrics, Clock clock, java.util.List<Section> sections) {
        this(probe, metrics, clock, List.of(OpsChecks.outbox(probe, OpsChecks.STUCK_AFTER)), sections);
    }

    /**
     * @param checks   the components besides the database, in the order /healthz lists them
     * @param sections more facts, each under its own key
     */
    public OpsRoutes(
            OpsProbe probe,
            ServeMetrics metrics,
            Clock clock,
            List<Health.Check> checks,
            java.util.List<Section> sections) {
        this.probe = probe;
        this.metrics = metrics;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.sections = java.util.List.copyOf(sections);
    }

    @Override
    public void addTo(JavalinConfig cfg) {
        cfg.routes.get("/healthz", this::health);
        cfg.routes.get("/metrics", ctx -> {
            report(); // the health gauges are as fresh as the scrape
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
    }

    /** One look at every component. */
    record Report(Health.Status status, ObjectNode json) {}

    Report report() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Instant now = clock.instant();
        long started = System.nanoTime();
        OpsProbe.Snapshot s;
        List<Health.Part> parts = new ArrayList<>();
        try {
            s = probe.snapshot();
        } catch (RuntimeException e) {
            out.put("status", "down");
            out.putObject("database").put("ok", false).put("error", String.valueOf(e.getMessage()));
            Health.Part db = Health.Part.of("database", Health.Status.DOWN, "not reachable: " + e.getMessage());
            out.putObject("components").set("database", partJson(db));
            metrics.health(List.of(db), Health.Status.DOWN);
            return new Report(Health.Status.DOWN, out);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        Health.Part db = Health.Part.ok("database");
        db.facts().put("ms", ms);
        parts.add(db);
        for (Health.Check c : checks) {
            try {
                parts.addAll(c.parts(now));
            } catch (RuntimeException e) {
                parts.add(Health.Part.of("check", Health.Status.DEGRADED, "a health check failed: " + e));
            }
        }
        Health.Status status = Health.overall(parts);
        out.put("status", status.label());
        out.putObject("database").put("ok", true).put("ms", ms);
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
        ObjectNode components = out.putObject("components");
        parts.forEach(p -> components.set(p.name(), partJson(p)));
        metrics.health(parts, status);
        return new Report(status, out);
    }

    private void health(Context ctx) {
        Report r = report();
        boolean strict = ctx.queryParamMap().containsKey("strict");
        int code = r.status() == Health.Status.DOWN || (strict && r.status() != Health.Status.OK) ? 503 : 200;
        ctx.status(code).contentType("application/json").result(r.json().toString());
    }

    private static ObjectNode partJson(Health.Part p) {
        ObjectNode n =
                JsonNodeFactory.instance.objectNode().put("status", p.status().label());
        if (p.reason() != null) {
            n.put("reason", p.reason());
        }
        n.setAll(p.facts());
        return n;
    }
}
