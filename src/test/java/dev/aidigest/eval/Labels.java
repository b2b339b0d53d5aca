package dev.aidigest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code labels-<slot>.json} of the evaluation corpus, in file order (the scores sum in that order,
 * as {@code score.py} does).
 *
 * @param stories       story id → story, every labelled story of the evaluated window
 * @param noise         noise post id → why it is noise
 * @param outsideWindow posts of the file created outside the window
 * @param repeatNoNews  posts that only retell a story of the previous window
 * @param repeatOf      repeat post id → the previous story it retells
 * @param followups     stories that continue a previous one with news
 * @param nearMisses    pairs (story id or noise post id) that must stay apart
 * @param previous      the previous window's stories and noise, as labelled
 */
public record Labels(
        String slot,
        String file,
        Map<String, LabelledStory> stories,
        Map<String, String> noise,
        List<String> outsideWindow,
        List<String> repeatNoNews,
        Map<String, String> repeatOf,
        List<Followup> followups,
        List<NearMiss> nearMisses,
        Previous previous) {

    /** A labelled story: {@code kind} is {@code multi-author}, {@code thread} or {@code single}. */
    public record LabelledStory(String id, String title, List<String> posts, String kind, List<String> authors) {
        public boolean multiAuthor() {
            return "multi-author".equals(kind);
        }
    }

    /** A story of the window that continues {@code previousStory} with {@code whatIsNew}. */
    public record Followup(String story, String previousStory, String whatIsNew) {}

    /** Two sides that no cluster may span; a side is a story id or a noise post id. */
    public record NearMiss(String a, String b, String why) {}

    /** The previous window as labelled: its slot, file, stories and noise. */
    public record Previous(String slot, String file, Map<String, LabelledStory> stories, Map<String, String> noise) {}

    /** Reads the parsed JSON of a label file. */
    public static Labels of(JsonNode root) {
        Map<String, String> repeatOf = new LinkedHashMap<>();
        root.path("repeat_of")
                .properties()
                .forEach(e -> repeatOf.put(
                        e.getKey(), e.getValue().path("previous_story").asText()));
        List<Followup> followups = new ArrayList<>();
        root.path("followup_news")
                .forEach(f -> followups.add(new Followup(
                        f.path("story").asText(),
                        f.path("previous_story").asText(),
                        f.path("what_is_new").asText())));
        List<NearMiss> nearMisses = new ArrayList<>();
        root.path("near_miss")
                .forEach(n -> nearMisses.add(new NearMiss(
                        n.get(0).asText(), n.get(1).asText(), n.get(2).asText())));
        JsonNode prev = root.path("previous");
        return new Labels(
                root.path("slot").asText(),
                root.path("file").asText(),
                stories(root.path("stories")),
                strings(root.path("noise")),
                list(root.path("outside_window")),
                list(root.path("repeat_no_news")),
                repeatOf,
                followups,
                nearMisses,
                new Previous(
                        prev.path("slot").asText(),
                        prev.path("file").asText(),
                        stories(prev.path("stories")),
                        strings(prev.path("noise"))));
    }

    /** The story a post belongs to, or null (the last story wins, as in {@code score.py}). */
    public Map<String, String> storyOfPost() {
        Map<String, String> out = new LinkedHashMap<>();
        stories.forEach((sid, s) -> s.posts().forEach(p -> out.put(p, sid)));
        return out;
    }

    private static Map<String, LabelledStory> stories(JsonNode node) {
        Map<String, LabelledStory> out = new LinkedHashMap<>();
        node.properties()
                .forEach(e -> out.put(
                        e.getKey(),
                        new LabelledStory(
                                e.getKey(),
                                e.getValue().path("title").asText(),
                                list(e.getValue().path("posts")),
                                e.getValue().path("kind").asText(),
                                list(e.getValue().path("authors")))));
        return out;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
