package dev.aidigest.digest.review;

import java.util.List;

/**
 * A reviewer's answer, ids only, not yet checked against anything.
 *
 * @param same         groups of story ids that are one story
 * @param notBelonging posts that do not belong to the story they are in
 */
public record ReviewAnswer(List<List<Integer>> same, List<Removal> notBelonging) {

    public static final ReviewAnswer NOTHING = new ReviewAnswer(List.of(), List.of());

    public ReviewAnswer {
        same = same.stream().map(List::copyOf).toList();
        notBelonging = List.copyOf(notBelonging);
    }

    /** Post {@code post} (a {@code StoredPost} id) does not belong to story {@code story}. */
    public record Removal(int story, long post) {}
}
