package dev.aidigest.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads of optional JSON fields (X sends ids as strings, counts as numbers). */
final class Json {
    private Json() {}

    /** The field as text (numbers too), or null when absent, null or a container. */
    static String str(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    static int count(JsonNode node, String field) {
        long v = node.path(field).asLong(0);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }
}
