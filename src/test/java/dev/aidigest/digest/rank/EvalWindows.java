package dev.aidigest.digest.rank;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.Format;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.InMemoryPostSink;
import dev.aidigest.testing.InMemorySourceStates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled window of {@code src/test/resources/eval/} and the window before it, imported the way
 * {@code import} does (the real X API v2 parser, the real embedder), with the labelled stories as
 * the stories: what is measured is the repeat guard, not the clustering.
 *
 * @param posts     every post of both files, row id = tweet id
 * @param previous  the previous window's labelled stories, by label
 * @param stories   the evaluated window's labelled stories, by label, and one story per retold
 *                  previous story made of the posts labelled as retelling it ({@code repeat:<label>})
 * @param followUps evaluated story label → the previous story label it continues with news
 */
record EvalWindows(
        Slot previousSlot,
        Slot slot,
        List<StoredPost> posts,
        Map<String, Story> previous,
        Map<String, Story> stories,
        Map<String, String> followUps) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> SLOTS = List.of("2025.12.03.12", "2025.12.08.20", "2025.12.12.08");
    static final String REPEAT = "repeat:";

    static EvalWindows load(String slot, Embedder embedder) {
        JsonNode labels = json("labels-" + slot + ".json");
        JsonNode prev = labels.path("previous");
        Map<Long, StoredPost> byId = new HashMap<>();
        for (String file :
                List.of(prev.path("file").asText(), labels.path("file").asText())) {
            importFile(file, embedder).forEach(p -> byId.put(p.id(), p));
        }
        Map<String, Story> previous = stories(prev.path("stories"), byId);
        Map<String, Story> stories = stories(labels.path("stories"), byId);
        Map<String, List<StoredPost>> retold = new LinkedHashMap<>();
        labels.path("repeat_of").properties().forEach(e -> retold.computeIfAbsent(
                        REPEAT + e.getValue().path("previous_story").asText(), k -> new ArrayList<>())
                .add(post(byId, e.getKey())));
        retold.forEach((label, posts) -> stories.put(label, new Story(posts)));
        Map<String, String> followUps = new LinkedHashMap<>();
        labels.path("followup_news")
                .forEach(f -> followUps.put(
                        f.path("story").asText(), f.path("previous_story").asText()));
        List<StoredPost> posts = new ArrayList<>(byId.values());
        return new EvalWindows(
                Slot.parse(prev.path("slot").asText(), SHANGHAI),
                Slot.parse(slot, SHANGHAI),
                posts,
                previous,
                stories,
                followUps);
    }

    private static Map<String, Story> stories(JsonNode node, Map<Long, StoredPost> byId) {
        Map<String, Story> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            List<StoredPost> posts = new ArrayList<>();
            e.getValue().path("posts").forEach(id -> posts.add(post(byId, id.asText())));
            out.put(e.getKey(), new Story(posts));
        });
        return out;
    }

    private static StoredPost post(Map<Long, StoredPost> byId, String id) {
        StoredPost p = byId.get(Long.parseLong(id));
        if (p == null) {
            throw new IllegalStateException("labelled post " + id + " not imported");
        }
        return p;
    }

    private static List<StoredPost> importFile(String name, Embedder embedder) {
        InMemoryPostSink sink = new InMemoryPostSink();
        IngestService ingest = new IngestService(
                Map.of(Format.X_API_V2, new XApiV2Parser(Map.of())),
                sink,
                embedder,
                new InMemorySourceStates(),
                Clock.systemUTC(),
                10L << 20,
                Duration.ofHours(1));
        Path file = copy(name);
        try {
            ingest.importFile(file, Format.X_API_V2);
        } finally {
            file.toFile().delete();
        }
        List<StoredPost> out = new ArrayList<>();
        for (Post p : sink.posts()) {
            out.add(new StoredPost(Long.parseLong(p.platformId()), p, sink.vector(p.platform(), p.platformId())));
        }
        return out;
    }

    private static JsonNode json(String name) {
        try (InputStream in = open(name)) {
            return Jackson.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(String name) {
        try (InputStream in = open(name)) {
            Path file = Files.createTempFile("eval-", ".json");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = EvalWindows.class.getResourceAsStream("/eval/" + name);
        if (in == null) {
            throw new IllegalStateException("missing resource /eval/" + name);
        }
        return in;
    }
}
