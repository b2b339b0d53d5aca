package dev.aidigest.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.Post;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-labelled window of posts ({@code src/test/resources/clustering/*.jsonl}): each line a post
 * with the story it belongs to, written in the register of the seeds (EN and ZH tellings of one
 * story, several stories per company, one product in several stories).
 */
public record LabelledSet(List<StoredPost> posts, Map<Long, String> storyOf) {

    public static LabelledSet load(String resource, Instant windowStart, Embedder embedder) {
        List<JsonNode> lines = read(resource);
        List<String> texts = lines.stream().map(l -> l.get("text").asText()).toList();
        List<float[]> vectors = embedder.embed(texts);
        List<StoredPost> posts = new ArrayList<>();
        Map<Long, String> storyOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            long id = i + 1;
            String handle = l.get("handle").asText();
            String platformId = String.valueOf(1_990_000_000_000_000_000L + id);
            Post post = new Post(
                    "x",
                    platformId,
                    handle,
                    l.get("name").asText(),
                    texts.get(i),
                    windowStart.plus(Duration.ofMinutes(l.get("minutes").asLong())),
                    "https://x.com/" + handle + "/status/" + platformId,
                    null,
                    new Post.Metrics(l.path("likes").asInt(100), l.path("likes").asInt(100) / 10, 5, 1, 0),
                    null,
                    List.of(),
                    List.of(),
                    platformId);
            posts.add(new StoredPost(id, post, vectors.get(i)));
            storyOf.put(id, l.get("story").asText());
        }
        return new LabelledSet(posts, storyOf);
    }

    /** Pairwise precision and recall of {@code stories} against the labels. */
    public PairScores score(List<Story> stories) {
        Map<Long, Integer> clusterOf = new HashMap<>();
        for (int s = 0; s < stories.size(); s++) {
            for (StoredPost p : stories.get(s).posts()) {
                clusterOf.put(p.id(), s);
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < posts.size(); i++) {
            for (int j = i + 1; j < posts.size(); j++) {
                long a = posts.get(i).id();
                long b = posts.get(j).id();
                boolean same = storyOf.get(a).equals(storyOf.get(b));
                boolean together = clusterOf.get(a).equals(clusterOf.get(b));
                tp += same && together ? 1 : 0;
                fp += !same && together ? 1 : 0;
                fn += same && !together ? 1 : 0;
            }
        }
        return new PairScores(tp, fp, fn);
    }

    /** What went wrong, one line per mixed story or split story, for the test output. */
    public List<String> mistakes(List<Story> stories) {
        List<String> out = new ArrayList<>();
        Map<String, List<Integer>> clustersOfStory = new HashMap<>();
        for (int s = 0; s < stories.size(); s++) {
            List<String> labels = stories.get(s).posts().stream()
                    .map(p -> storyOf.get(p.id()))
                    .distinct()
                    .toList();
            if (labels.size() > 1) {
                out.add("merged "
                        + stories.get(s).posts().stream()
                                .map(p -> p.id() + ":" + storyOf.get(p.id()))
                                .toList());
            }
            for (String l : labels) {
                clustersOfStory.computeIfAbsent(l, k -> new ArrayList<>()).add(s);
            }
        }
        clustersOfStory.forEach((label, clusters) -> {
            if (clusters.size() > 1) {
                out.add("split " + label + " into " + clusters.size());
            }
        });
        return out;
    }

    public record PairScores(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    private static List<JsonNode> read(String resource) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            ObjectMapper json = Jackson.json();
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
