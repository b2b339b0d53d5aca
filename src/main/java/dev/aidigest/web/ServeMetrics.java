package dev.aidigest.web;

import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.spend.ReadTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus metrics of {@code serve}, and only what is really recorded: stored counts read from
 * the database at scrape time (posts, digests and reports, their LLM calls and tokens, outbox rows by
 * status), and in this process the digest/report runs and the latency of chat commands.
 */
public final class ServeMetrics {

    private static final Logger log = LoggerFactory.getLogger(ServeMetrics.class);
    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final List<String> KINDS = List.of("digest", "report");
    private static final List<String> STATUSES = List.of("pending", "sent", "failed", "dropped");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OpsProbe probe;
    private final Clock clock;
    private volatile OpsProbe.Counts counts;
    private volatile Instant countsAt = Instant.EPOCH;

    public ServeMetrics(OpsProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
        gauge("aidigest_posts_stored", "posts in the database", c -> c.posts());
        for (String kind : KINDS) {
            gauge(
                    "aidigest_editions_stored",
                    "digests and reports stored",
                    c -> c.editions().getOrDefault(kind, 0L),
                    "kind",
                    kind);
            gauge(
                    "aidigest_llm_calls_recorded",
                    "LLM calls recorded with the stored digests and reports",
                    c -> llm(c, kind, 0),
                    "kind",
                    kind);
            gauge(
                    "aidigest_llm_input_tokens_recorded",
                    "LLM input tokens recorded with the stored digests and reports",
                    c -> llm(c, kind, 1),
                    "kind",
                    kind);
            gauge(
                    "aidigest_llm_output_tokens_recorded",
                    "LLM output tokens recorded with the stored digests and reports",
                    c -> llm(c, kind, 2),
                    "kind",
                    kind);
        }
        for (String status : STATUSES) {
            gauge(
                    "aidigest_outbox_rows",
                    "delivery outbox rows by status (sent, failed: deliveries done and given up)",
                    c -> c.outbox().getOrDefault(status, 0L),
                    "status",
                    status);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The paid X readers' use and cost: {@code aidigest_x_posts_read} and {@code aidigest_x_cost_usd}
     * by provider and period (today, month, UTC), {@code aidigest_x_budget_usd} and
     * {@code aidigest_x_reads_paused} (1 while out of credits).
     */
    public void watchReads(ReadSpending reads) {
        for (ReadBudget b : reads.budgets()) {
            String p = b.provider();
            for (String period : List.of("today", "month")) {
                Gauge.builder("aidigest_x_posts_read", b, x -> totals(x, period).posts())
                        .description("posts returned by a paid X reader")
                        .tags("provider", p, "period", period)
                        .register(registry);
                Gauge.builder("aidigest_x_cost_usd", b, x -> totals(x, period).micros() / 1e6)
                        .description("what a paid X reader was charged, USD")
                        .tags("provider", p, "period", period)
                        .register(registry);
            }
            Gauge.builder("aidigest_x_budget_usd", b, x -> status(x).budgetMicros() / 1e6)
                    .description("monthly budget of a paid X reader, USD")
                    .tags("provider", p)
                    .register(registry);
            Gauge.builder("aidigest_x_reads_paused", b, x -> status(x).pausedUntil() == null ? 0 : 1)
                    .description("1 while a paid X reader is out of credits")
                    .tags("provider", p)
                    .register(registry);
        }
    }

    private final java.util.Map<String, ReadBudget.Status> readStatus = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Instant> readStatusAt = new java.util.concurrent.ConcurrentHashMap<>();

    /** One status per provider per scrape (at most every few seconds). */
    private ReadBudget.Status status(ReadBudget b) {
        Instant now = clock.instant();
        Instant at = readStatusAt.get(b.provider());
        if (at == null || now.isAfter(at.plus(CACHE))) {
            readStatus.put(b.provider(), b.status());
            readStatusAt.put(b.provider(), now);
        }
        return readStatus.get(b.provider());
    }

    private ReadTotals totals(ReadBudget b, String period) {
        ReadBudget.Status s = status(b);
        return period.equals("today") ? s.today() : s.month();
    }

    /** A scheduled digest or report run and its outcome. */
    public void run(String kind, boolean ok, Duration took) {
        Counter.builder("aidigest_runs")
                .description("scheduled digest and report runs in this process")
                .tag("kind", kind)
                .tag("outcome", ok ? "ok" : "failed")
                .register(registry)
                .increment();
        Timer.builder("aidigest_run_duration")
                .description("time to build a digest or report")
                .tag("kind", kind)
                .register(registry)
                .record(took);
    }

    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> health =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The status of each component as /healthz last saw it: 0 ok, 1 degraded, 2 down ({@code overall} too). */
    void health(List<Health.Part> parts, Health.Status overall) {
        for (Health.Part p : parts) {
            healthGauge(p.name()).set(p.status().level());
        }
        healthGauge("overall").set(overall.level());
    }

    private java.util.concurrent.atomic.AtomicInteger healthGauge(String component) {
        return health.computeIfAbsent(component, c -> {
            java.util.concurrent.atomic.AtomicInteger v = new java.util.concurrent.atomic.AtomicInteger();
            Gauge.builder("aidigest_health_status", v, java.util.concurrent.atomic.AtomicInteger::get)
                    .description("component status as /healthz reports it: 0 ok, 1 degraded, 2 down")
                    .tag("component", c)
                    .register(registry);
            return v;
        });
    }

    /** Times chat commands ({@code aidigest_command_duration_seconds}, with histogram buckets). */
    public Timer commandTimer() {
        return Timer.builder("aidigest_command_duration")
                .description("time to answer a chat command or button")
                .publishPercentileHistogram()
                .register(registry);
    }

    private void gauge(String name, String help, ToDoubleFunction<OpsProbe.Counts> f, String... tags) {
        Gauge.builder(name, this, m -> {
                    OpsProbe.Counts c = m.counts();
                    return c == null ? Double.NaN : f.applyAsDouble(c);
                })
                .description(help)
                .tags(tags)
                .register(registry);
    }

    private static double llm(OpsProbe.Counts c, String kind, int i) {
        long[] v = c.llmByKind().get(kind);
        return v == null ? 0 : v[i];
    }

    /** One set of queries per scrape (at most every few seconds), however many gauges read it. */
    private synchronized OpsProbe.Counts counts() {
        Instant now = clock.instant();
        if (counts == null || now.isAfter(countsAt.plus(CACHE))) {
            try {
                counts = probe.counts();
                countsAt = now;
            } catch (RuntimeException e) {
                log.info("metrics: database not readable: {}", e.getMessage());
                return null;
            }
        }
        return counts;
    }
}
