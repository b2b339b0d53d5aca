package dev.aidigest.digest.review;

import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Story;
import java.util.List;

/** Offline mode: no reviewer, the clusterer's stories stand as they are. */
public final class DisabledMergeReview implements MergeReview {

    @Override
    public Reviewed review(List<Story> stories, List<NearPair> near, List<Integer> top) {
        return new Reviewed(stories, LlmUsage.NONE, List.of());
    }
}
