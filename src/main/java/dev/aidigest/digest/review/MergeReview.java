package dev.aidigest.digest.review;

import dev.aidigest.digest.Story;
import java.util.List;

/**
 * Settles the story decisions the clusterer was unsure of: which candidate stories are one story,
 * and which posts do not belong to the story they were put in. Implementations never throw and
 * never lose or duplicate a post.
 */
public interface MergeReview {

    /**
     * The reviewed stories; on any failure the input unchanged.
     *
     * @param stories every story of the window
     * @param near    pairs of stories (indexes into {@code stories}) the engine almost merged
     * @param top     indexes of the top-ranked stories, best first
     */
    Reviewed review(List<Story> stories, List<NearPair> near, List<Integer> top);
}
