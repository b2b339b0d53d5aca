package dev.aidigest.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The health checks read from the database through {@link OpsProbe}: scheduler, sources, outbox. */
public final class OpsChecks {

    /** A pending outbox row this long past due has no worker sending it. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(15);

    private static final Set<String> TRIGGER_TROUBLE = Set.of("ERROR", "BLOCKED_FOREVER");

    private OpsChecks() {}

    /** Degraded when the scheduler has no triggers stored, or one is in Quartz's ERROR state. */
    public static Health.Check scheduler(OpsProbe probe) {
        return now -> {
            List<OpsProbe.Trigger> triggers = probe.snapshot().triggers();
            Health.Part p;
            if (triggers.isEmpty()) {
                p = Health.Part.of("scheduler", Health.Status.DEGRADED, "no jobs scheduled");
            } else {
                List<String> bad = triggers.stream()
                        .filter(t -> TRIGGER_TROUBLE.contains(t.state()))
                        .map(OpsProbe.Trigger::name)
                        .toList();
                p = bad.isEmpty()
                        ? Health.Part.ok("scheduler")
                        : Health.Part.of("scheduler", Health.Status.DEGRADED, "triggers in error: " + bad);
            }
            ObjectNode jobs = p.facts().putObject("jobs");
            for (OpsProbe.Trigger t : triggers) {
                ObjectNode n = jobs.putObject(t.name()).put("state", t.state());
                if (t.nextFire() != null) {
                    n.put("next_fire", t.nextFire().toString());
                }
            }
            return List.of(p);
        };
    }

    /**
     * The sources: degraded when the newest post of all is older than {@code staleAfter} (zero: never
     * stale), or when a source is failing; each followed account's newest post and each failing
     * source's failures are listed.
     */
    public static Health.Check sources(OpsProbe probe, Collection<String> accounts, Duration staleAfter) {
        return now -> {
            Instant newest = probe.snapshot().newestPost();
            List<String> trouble = new ArrayList<>();
            boolean checkAge = !staleAfter.isZero() && !staleAfter.isNegative();
            if (newest == null) {
                trouble.add("no posts stored yet");
            } else if (checkAge && newest.isBefore(now.minus(staleAfter))) {
                trouble.add("newest post is " + Duration.between(newest, now).toHours() + " h old (limit "
                        + staleAfter.toHours() + " h)");
            }
            List<OpsProbe.SourceFacts> failing =
                    probe.sourceFacts().stream().filter(f -> f.failures() > 0).toList();
            failing.forEach(f -> trouble.add(f.source() + " failing"));
            Health.Part p = trouble.isEmpty()
                    ? Health.Part.ok("sources")
                    : Health.Part.of("sources", Health.Status.DEGRADED, String.join("; ", trouble));
            p.facts().put("stale_after_hours", staleAfter.toHours());
            if (newest != null) {
                p.facts().put("newest_post", newest.toString()).put("age_seconds", age(newest, now));
            }
            ObjectNode byAccount = p.facts().putObject("accounts");
            for (Map.Entry<String, Instant> e : probe.newestPostBy(accounts).entrySet()) {
                ObjectNode a = byAccount.putObject(e.getKey());
                if (e.getValue() == null) {
                    a.putNull("newest_post");
                } else {
                    a.put("newest_post", e.getValue().toString()).put("age_seconds", age(e.getValue(), now));
                }
            }
            ObjectNode fails = p.facts().putObject("failing");
            for (OpsProbe.SourceFacts f : failing) {
                ObjectNode n = fails.putObject(f.source()).put("failures", f.failures());
                if (f.restingUntil() != null) {
                    n.put("resting_until", f.restingUntil().toString());
                }
            }
            return List.of(p);
        };
    }

    /** Degraded when rows were given up on in the last day, or pending rows are long past due. */
    public static Health.Check outbox(OpsProbe probe, Duration stuckAfter) {
        return now -> {
            OpsProbe.OutboxTrouble t = probe.outboxTrouble(now, stuckAfter);
            List<String> trouble = new ArrayList<>();
            if (t.failedLastDay() > 0) {
                trouble.add(t.failedLastDay() + " deliveries given up in the last day");
            }
            if (t.stuck() > 0) {
                trouble.add(t.stuck() + " deliveries pending for over " + stuckAfter.toMinutes() + " min");
            }
            Health.Part p = trouble.isEmpty()
                    ? Health.Part.ok("outbox")
                    : Health.Part.of("outbox", Health.Status.DEGRADED, String.join("; ", trouble));
            p.facts().put("failed_last_day", t.failedLastDay()).put("stuck", t.stuck());
            if (t.oldestStuckDue() != null) {
                p.facts().put("oldest_stuck_due", t.oldestStuckDue().toString());
            }
            return List.of(p);
        };
    }

    private static long age(Instant t, Instant now) {
        return Duration.between(t, now).toSeconds();
    }
}
