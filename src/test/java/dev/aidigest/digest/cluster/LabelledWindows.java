package dev.aidigest.digest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.digest.LabelledSet;
import dev.aidigest.digest.SampleDay;
import dev.aidigest.digest.SampleDayLabels;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled windows to fit and measure the story model on, each a list of posts (with their vectors)
 * and the story of each labelled post; noise posts are left out (the filter's job, measured apart).
 *
 * <ul>
 *   <li>{@code eval}: three labelled windows and their preceding ones, written independently of this
 *       code ({@code src/test/resources/eval/}, see SOURCES.md there);
 *   <li>{@code sample}: the six windows of the bundled sample day;
 *   <li>{@code sets}: the two hand-written clustering sets ({@code src/test/resources/clustering/}).
 * </ul>
 */
record LabelledWindows(String corpus, String name, List<StoredPost> posts, Map<Long, String> storyOf) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final List<String> EVAL_SLOTS = List.of("2025.12.03.12", "2025.12.08.20", "2025.12.12.08");

    static final List<String> SAMPLE_SLOTS = List.of(
            "2025.11.26.04", "2025.11.26.08", "2025.11.26.12", "2025.11.26.16", "2025.11.26.20", "2025.11.27.00");

    static List<LabelledWindows> all(Embedder embedder) {
        List<LabelledWindows> out = new ArrayList<>();
        out.addAll(eval(embedder));
        out.addAll(sample(embedder));
        out.addAll(sets(embedder));
        return out;
    }

    /** The evaluated windows and the windows before them, labelled story posts only. */
    static List<LabelledWindows> eval(Embedder embedder) {
        List<LabelledWindows> out = new ArrayList<>();
        for (String slot : EVAL_SLOTS) {
            JsonNode labels = json("/eval/labels-" + slot + ".json");
            out.add(window("eval", labels.get("previous"), embedder));
            out.add(window("eval", labels, embedder));
        }
        return out;
    }

    private static LabelledWindows window(String corpus, JsonNode labels, Embedder embedder) {
        Map<String, String> storyOfTweet = new HashMap<>();
        JsonNode stories = labels.get("stories");
        stories.fieldNames()
                .forEachRemaining(
                        story -> stories.get(story).get("posts").forEach(p -> storyOfTweet.put(p.asText(), story)));
        Instant start =
                OffsetDateTime.parse(labels.get("window_start").asText()).toInstant();
        Instant end = OffsetDateTime.parse(labels.get("window_end").asText()).toInstant();
        List<StoredPost> posts = new ArrayList<>();
        Map<Long, String> storyOf = new HashMap<>();
        for (StoredPost p : SampleDay.importXApi("/eval/" + labels.get("file").asText(), Map.of(), embedder)) {
            String story = storyOfTweet.get(p.post().platformId());
            Instant at = p.post().createdAt();
            if (story != null && !at.isBefore(start) && at.isBefore(end)) {
                posts.add(p);
                storyOf.put(p.id(), story);
            }
        }
        return new LabelledWindows(corpus, labels.get("slot").asText(), posts, storyOf);
    }

    /** The sample day's six windows, labelled story posts only. */
    static List<LabelledWindows> sample(Embedder embedder) {
        List<StoredPost> day = SampleDay.importXApi(SampleDay.RESOURCE, Map.of(), embedder);
        List<LabelledWindows> out = new ArrayList<>();
        for (String name : SAMPLE_SLOTS) {
            Slot slot = Slot.parse(name, SHANGHAI);
            List<StoredPost> posts = new ArrayList<>();
            Map<Long, String> storyOf = new HashMap<>();
            for (StoredPost p : day) {
                Instant at = p.post().createdAt();
                String story = SampleDayLabels.LABELS.get(p.id());
                if (story != null && !at.isBefore(slot.windowStart()) && at.isBefore(slot.windowEnd())) {
                    posts.add(p);
                    storyOf.put(p.id(), story);
                }
            }
            out.add(new LabelledWindows("sample", name, posts, storyOf));
        }
        return out;
    }

    /** The two hand-written clustering sets. */
    static List<LabelledWindows> sets(Embedder embedder) {
        Instant start = Instant.parse("2025-11-26T04:00:00Z");
        List<LabelledWindows> out = new ArrayList<>();
        for (String set : List.of("labelled_posts", "heldout_posts")) {
            LabelledSet s = LabelledSet.load("/clustering/" + set + ".jsonl", start, embedder);
            out.add(new LabelledWindows("sets", set, s.posts(), s.storyOf()));
        }
        return out;
    }

    private static JsonNode json(String resource) {
        try (InputStream in = LabelledWindows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Jackson.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
