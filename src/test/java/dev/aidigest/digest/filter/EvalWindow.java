package dev.aidigest.digest.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One labelled window of the evaluation corpus ({@code src/test/resources/eval/}), parsed by the
 * real X API v2 parser: its posts, the ids labelled noise (with why) and the ids of story posts.
 * An evaluated window's labels also label the window before it ({@code previous}); posts outside
 * the window or retelling an earlier story are neither noise nor story here.
 */
record EvalWindow(String slot, List<StoredPost> posts, Map<Long, String> noise, Set<Long> story) {

    /** The three evaluated slots; each labels file also labels the window before it. */
    static final List<String> EVALUATED = List.of("2025.12.03.12", "2025.12.08.20", "2025.12.12.08");

    private static final ObjectMapper JSON = Jackson.json();

    /** The evaluated windows and the windows before them, in time order. */
    static List<EvalWindow> all(Map<String, String> displayNames) {
        List<EvalWindow> out = new ArrayList<>();
        for (String slot : EVALUATED) {
            JsonNode labels = read("labels-" + slot + ".json");
            JsonNode previous = labels.get("previous");
            out.add(window(previous, displayNames));
            out.add(window(labels, displayNames));
        }
        return out;
    }

    private static EvalWindow window(JsonNode labels, Map<String, String> displayNames) {
        List<StoredPost> posts = new ArrayList<>();
        byte[] bytes = bytes(labels.get("file").asText());
        for (Post p : new XApiV2Parser(displayNames).parse(bytes).posts()) {
            posts.add(new StoredPost(Long.parseLong(p.platformId()), p, null));
        }
        Map<Long, String> noise = new LinkedHashMap<>();
        labels.get("noise")
                .fields()
                .forEachRemaining(
                        e -> noise.put(Long.parseLong(e.getKey()), e.getValue().asText()));
        Set<Long> story = new HashSet<>();
        labels.get("stories").forEach(s -> s.get("posts").forEach(id -> story.add(Long.parseLong(id.asText()))));
        return new EvalWindow(labels.get("slot").asText(), posts, noise, story);
    }

    private static JsonNode read(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = EvalWindow.class.getResourceAsStream("/eval/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /eval/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
