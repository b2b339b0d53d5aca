package dev.aidigest.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@code /healthz} says: one part per component (database, scheduler, sources, each chat
 * platform, outbox, the last slot's digest), each {@code ok}, {@code degraded} or {@code down} with
 * its facts; the whole is as bad as its worst part.
 */
public final class Health {

    private Health() {}

    /** Ordered from good to bad: the worst part decides. */
    public enum Status {
        OK,
        DEGRADED,
        DOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        Status worse(Status other) {
            return other.ordinal() > ordinal() ? other : this;
        }

        /** The Prometheus value: 0 ok, 1 degraded, 2 down. */
        public int level() {
            return ordinal();
        }
    }

    /** One component: its name as shown, its status, its facts (a JSON object), and why when not ok. */
    public record Part(String name, Status status, String reason, ObjectNode facts) {
        public static Part ok(String name) {
            return new Part(name, Status.OK, null, JsonNodeFactory.instance.objectNode());
        }

        public static Part of(String name, Status status, String reason) {
            return new Part(name, status, reason, JsonNodeFactory.instance.objectNode());
        }
    }

    /** A source of parts, asked at each /healthz (and /metrics) request. */
    @FunctionalInterface
    public interface Check {
        List<Part> parts(Instant now);
    }

    static Status overall(List<Part> parts) {
        Status s = Status.OK;
        for (Part p : parts) {
            s = s.worse(p.status());
        }
        return s;
    }
}
