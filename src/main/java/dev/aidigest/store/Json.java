package dev.aidigest.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import java.util.List;

/** The small JSON arrays kept in text columns (links, media, authors, categories). */
final class Json {
    private static final ObjectMapper MAPPER = Jackson.json();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Json() {}

    static String strings(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The longest prefix of {@code values} whose JSON fits in {@code maxChars}. */
    static String stringsWithin(List<String> values, int maxChars) {
        List<String> kept = values == null ? List.of() : values;
        String json = strings(kept);
        while (json.length() > maxChars && !kept.isEmpty()) {
            kept = kept.subList(0, kept.size() - 1);
            json = strings(kept);
        }
        return json.length() > maxChars ? "[]" : json;
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("corrupt JSON array in database: " + json, e);
        }
    }
}
