package dev.aidigest.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.digest.review.ReviewAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the merge review's answer: one JSON object {@code {"same": [[3, 7]], "not_belonging":
 * [{"story": 3, "post": "1996"}]}}, found in code fences, a reasoning block or prose as
 * {@link AnswerCheck} finds it. Ids may come as numbers or digit strings. An element of the wrong
 * shape is dropped with a note, the rest kept; whether the ids make sense is checked later, against
 * what was shown.
 */
final class MergeAnswer {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /**
     * @param answer the ids found, or null when the text is no such answer at all
     * @param notes  what was dropped while reading, and why
     */
    record Read(ReviewAnswer answer, List<String> notes) {}

    private final AnswerCheck check;

    MergeAnswer(AnswerCheck check) {
        this.check = check;
    }

    Read read(String text) {
        if (text == null || text.isBlank()) {
            return new Read(null, List.of("empty answer"));
        }
        JsonNode root = check.parseObject(text);
        if (root == null || (!root.has("same") && !root.has("not_belonging"))) {
            return new Read(null, List.of("not a review answer: " + abbreviate(text)));
        }
        List<String> notes = new ArrayList<>();
        List<List<Integer>> same = new ArrayList<>();
        for (JsonNode g : list(root, "same", notes)) {
            List<Integer> ids = g.isArray() ? new ArrayList<>() : null;
            for (JsonNode id : g) {
                Long n = id(id);
                if (ids == null || n == null || n > Integer.MAX_VALUE) {
                    ids = null;
                    break;
                }
                ids.add(n.intValue());
            }
            if (ids == null) {
                notes.add("dropped group " + abbreviate(g.toString()) + ": not a list of story ids");
            } else {
                same.add(ids);
            }
        }
        List<ReviewAnswer.Removal> removals = new ArrayList<>();
        for (JsonNode r : list(root, "not_belonging", notes)) {
            Long story = id(r.get("story"));
            Long post = id(r.get("post"));
            if (story == null || story > Integer.MAX_VALUE || post == null) {
                notes.add("dropped removal " + abbreviate(r.toString()) + ": needs a story id and a post id");
            } else {
                removals.add(new ReviewAnswer.Removal(story.intValue(), post));
            }
        }
        return new Read(new ReviewAnswer(same, removals), notes);
    }

    private static List<JsonNode> list(JsonNode root, String field, List<String> notes) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            notes.add("dropped " + field + ": not a list");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** A non-negative id given as a number or a digit string, else null. */
    private static Long id(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
            return n.asLong();
        }
        if (n.isTextual() && DIGITS.matcher(n.asText().strip()).matches()) {
            return Long.parseLong(n.asText().strip());
        }
        return null;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }
}
