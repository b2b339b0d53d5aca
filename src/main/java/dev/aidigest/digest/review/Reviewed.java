package dev.aidigest.digest.review;

import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Story;
import java.util.List;
import java.util.Objects;

/**
 * What a review gave back.
 *
 * @param stories the stories after the review: the same posts, each exactly once
 * @param usage   what the review cost
 * @param notes   what was applied or refused, and why, for the log and {@code --explain}
 */
public record Reviewed(List<Story> stories, LlmUsage usage, List<String> notes) {

    public Reviewed {
        stories = List.copyOf(stories);
        Objects.requireNonNull(usage, "usage");
        notes = List.copyOf(notes);
    }

    /** The input as it was, with the reason nothing changed. */
    public static Reviewed unchanged(List<Story> stories, LlmUsage usage, String why) {
        return new Reviewed(stories, usage, List.of(why));
    }

    /** The same result with what it cost. */
    public Reviewed costing(LlmUsage cost) {
        return new Reviewed(stories, cost, notes);
    }
}
