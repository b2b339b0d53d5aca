package dev.aidigest.digest.rank;

import dev.aidigest.digest.Story;
import java.util.Objects;

/**
 * A story in the running for a digest: its score and what the repeat guard decided about it (new,
 * a follow-up of an earlier item and what is new, or a repeat left out).
 */
public record RankedStory(Story story, double score, FollowUp decision) {

    public RankedStory {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * A story as ranked, before the repeat guard has looked at it. Only {@code false} is accepted: a
     * follow-up names the earlier item it continues, so only the guard makes one.
     */
    public RankedStory(Story story, double score, boolean followUp) {
        this(story, score, FollowUp.NEW);
        if (followUp) {
            throw new IllegalArgumentException("a follow-up needs the earlier item it continues; see withDecision");
        }
    }

    /** True when it continues a story an earlier digest told, with news. */
    public boolean followUp() {
        return decision.isFollowUp();
    }

    /** The same story with the guard's decision. */
    public RankedStory withDecision(FollowUp followUp) {
        return new RankedStory(story, score, followUp);
    }
}
