package dev.aidigest.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.digest.cluster.ReadingOrder;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every story a summarizer may be handed on real material, without clustering: the bundled sample
 * day and the December evaluation windows ({@code src/test/resources/eval/}), each labelled story as
 * one {@link Story} with its posts in the pipeline's reading order, and every other post (noise,
 * spam, injection, bare retweets, posts outside the window) as a story of its own, because a filter
 * may let any of them through.
 */
public final class SummaryCorpus {

    /** The evaluated windows; each labels file also labels the window before it. */
    static final List<String> EVAL_SLOTS = List.of("2025.12.03.12", "2025.12.08.20", "2025.12.12.08");

    private static final ObjectMapper JSON = Jackson.json();

    private SummaryCorpus() {}

    /** One story and where it came from, for assertion messages. */
    public record Labelled(String source, String label, Story story) {
        @Override
        public String toString() {
            return source + "/" + label;
        }
    }

    /** The sample day's stories followed by the evaluation windows'. */
    public static List<Labelled> all() {
        List<Labelled> out = new ArrayList<>(sampleDay());
        for (String slot : EVAL_SLOTS) {
            out.addAll(evalWindows(slot));
        }
        return out;
    }

    /** The sample day: a label told in two 4-hour windows is two stories, as in two digests. */
    public static List<Labelled> sampleDay() {
        List<StoredPost> day = SampleDay.loadWithoutEmbeddings(Map.of());
        Map<String, List<StoredPost>> byLabel = new LinkedHashMap<>();
        for (StoredPost p : day) {
            String label = SampleDayLabels.LABELS.get(p.id());
            long window = p.post().createdAt().plus(Duration.ofHours(8)).getEpochSecond() / (4 * 3600);
            String key = label == null ? "unlabelled-" + p.id() : label + "@" + window;
            byLabel.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<Labelled> out = new ArrayList<>();
        byLabel.forEach((label, posts) -> out.add(new Labelled("sample", label, story(posts))));
        return out;
    }

    /** The evaluated window of {@code slot} and the window before it, both labelled in one file. */
    static List<Labelled> evalWindows(String slot) {
        JsonNode labels = read("/eval/labels-" + slot + ".json");
        List<Labelled> out = new ArrayList<>(window(labels.path("previous")));
        out.addAll(window(labels));
        return out;
    }

    private static List<Labelled> window(JsonNode labels) {
        String file = labels.path("file").asText();
        Map<String, StoredPost> byId = new HashMap<>();
        List<StoredPost> inFile = new ArrayList<>();
        try (InputStream in = SummaryCorpus.class.getResourceAsStream("/eval/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /eval/" + file);
            }
            for (Post p : new XApiV2Parser(Map.of()).parse(in.readAllBytes()).posts()) {
                StoredPost sp = new StoredPost(Long.parseLong(p.platformId()), p, null);
                byId.put(p.platformId(), sp);
                inFile.add(sp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Labelled> out = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        labels.path("stories").fields().forEachRemaining(e -> {
            List<StoredPost> posts = new ArrayList<>();
            e.getValue().path("posts").forEach(id -> {
                StoredPost p = byId.get(id.asText());
                if (p != null) {
                    posts.add(p);
                    taken.add(id.asText());
                }
            });
            if (!posts.isEmpty()) {
                out.add(new Labelled(file, e.getKey(), story(posts)));
            }
        });
        for (StoredPost p : inFile) {
            if (!taken.contains(p.post().platformId())) {
                out.add(new Labelled(file, "single-" + p.id(), story(List.of(p))));
            }
        }
        return out;
    }

    private static Story story(List<StoredPost> posts) {
        return new Story(ReadingOrder.of(posts));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SummaryCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
