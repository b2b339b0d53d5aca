package dev.aidigest.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

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

    /** A counter clamped to 0..{@code Integer.MAX_VALUE}: a huge or negative number never wraps. */
    static int count(JsonNode node, String field) {
        return (int) count(node, field, Integer.MAX_VALUE);
    }

    /** A counter clamped to 0..max, read as a whole number (numbers or numeric strings), 0 when absent or not a number. */
    static long count(JsonNode node, String field, long max) {
        JsonNode v = node.path(field);
        BigInteger n;
        if (v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isNaN(d) || d <= 0) {
                return 0;
            }
            return d >= max ? max : (long) d;
        } else if (v.isTextual() && v.asText().strip().matches("-?[0-9]{1,1000}")) {
            n = new BigInteger(v.asText().strip());
        } else {
            return 0;
        }
        if (n.signum() < 0) {
            return 0;
        }
        return n.compareTo(BigInteger.valueOf(max)) > 0 ? max : n.longValue();
    }
}
