package dev.aidigest.ingest.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One JSON line → {@link Post}; throws IllegalArgumentException with the reason in one sentence. */
final class JsonlPost {
    private static final Set<String> PLATFORMS = Set.of("x", "rss");
    private static final Set<String> REF_TYPES = Set.of("retweeted", "quoted", "replied_to");

    private JsonlPost() {}

    static Post from(JsonNode n) {
        String platform = optional(n, "platform");
        platform = platform == null ? "x" : platform;
        if (!PLATFORMS.contains(platform)) {
            throw new IllegalArgumentException("platform must be x or rss, not '" + platform + "'.");
        }
        String id = required(n, "id");
        String handle = required(n, "author_handle");
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        String text = required(n, "text");
        Instant created = time(required(n, "created_at"));
        String url = optional(n, "url");
        if (url == null && "x".equals(platform)) {
            url = "https://x.com/" + handle + "/status/" + id;
        }
        Post.Metrics metrics = new Post.Metrics(
                (int) count(n, "likes"),
                (int) count(n, "reposts"),
                (int) count(n, "replies"),
                (int) count(n, "quotes"),
                count(n, "impressions"));
        return new Post(
                platform,
                id,
                handle,
                optional(n, "author_name"),
                text,
                created,
                url,
                optional(n, "lang"),
                metrics,
                reference(n),
                strings(n, "links"),
                strings(n, "media"),
                optional(n, "conversation_id"));
    }

    private static Post.Reference reference(JsonNode n) {
        String type = optional(n, "ref_type");
        String refId = optional(n, "ref_id");
        if (type == null && refId == null) {
            return null;
        }
        if (type == null || !REF_TYPES.contains(type) || refId == null) {
            throw new IllegalArgumentException(
                    "ref_type must be retweeted, quoted or replied_to, together with ref_id.");
        }
        return new Post.Reference(type, refId, optional(n, "ref_author"));
    }

    private static Instant time(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at '" + s + "' is not an ISO-8601 time with a zone.");
        }
    }

    private static String required(JsonNode n, String field) {
        String v = optional(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the required field " + field + " is missing.");
        }
        return v;
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a string.");
        }
        return v.asText();
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber()
                || !v.canConvertToLong()
                || v.asLong() < 0
                || (!"impressions".equals(field) && v.asLong() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(field + " must be a non-negative integer.");
        }
        return v.asLong();
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings.");
            }
            out.add(e.asText());
        }
        return out;
    }
}
