package dev.aidigest.digest;

import java.util.List;
import java.util.Objects;

/**
 * One story to summarize. A follow-up (a story an earlier digest of the last day told, back with
 * news) carries what is new: clauses of its own posts ("今天对所有付费用户开放了", "$0.3 input / $0.9
 * output per 1M tokens"), so that its summary says what is new rather than retelling the story.
 *
 * @param whatIsNew empty for a story told for the first time
 */
public record StoryBrief(Story story, List<String> whatIsNew) {

    public StoryBrief {
        Objects.requireNonNull(story, "story");
        whatIsNew = List.copyOf(whatIsNew);
    }

    /** A story told for the first time. */
    public static StoryBrief of(Story story) {
        return new StoryBrief(story, List.of());
    }

    /** Each story told for the first time. */
    public static List<StoryBrief> all(List<Story> stories) {
        return stories.stream().map(StoryBrief::of).toList();
    }

    public boolean followUp() {
        return !whatIsNew.isEmpty();
    }

    /**
     * The summary cache key: the story's {@link Story#contentHash()}, and what is new for a
     * follow-up, whose summary says it and so differs from the same posts told as new.
     */
    public String contentHash() {
        return whatIsNew.isEmpty()
                ? story.contentHash()
                : Story.sha256(story.contentHash() + '\u0002' + String.join("\u0001", whatIsNew));
    }
}
