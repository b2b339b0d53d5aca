package dev.aidigest.digest.explain;

import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.cluster.PairEvidence;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.StoryRanker;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why each post of a slot's window is, or is not, in the digest: every post once, either in the block
 * of the story it ended in or among the posts the filter dropped. Built from one {@link
 * DigestBuilder.Build} by {@link #of}, without reading or writing anything; {@link ExplanationText}
 * and {@link ExplanationJson} print it.
 *
 * <p>The JSON document ({@code digest --explain --json}) has these fields; names are stable, a
 * missing value is {@code null}:
 *
 * <pre>
 * slot, window_start, window_end (ISO-8601 with offset), engine, threshold (the pair model's),
 * review_changed_stories (true when a merge review changed the clusterer's stories),
 * counts: {posts, kept, dropped: {RETWEET: n, …}, stories, items, not_picked, repeats, follow_ups},
 * stories: [ best first:
 *   {rank, score, score_parts: {engagement, authors, account_weight, recency} (they add up to score),
 *    outcome: "item" | "not_picked" | "repeat", repeat_decision (the guard's reason), item (its number, or null), candidate (its place
 *    among the stories left after the repeat guard, or null for a repeat), follow_up, authors: […],
 *    post_count, posts: [ post + {unit (id of the first post of its thread or quote group),
 *      joined_by: [{kind: "model" | "thread" | "quote" | "quoted_by", post, handle, probability, evidence, features}],
 *      closest_refused: null | {why: "below_threshold" | "average_linkage", post, handle, probability,
 *        evidence, features, mean_across, same_story, story_rank}}]}],
 * dropped: [ post + {reason} ], grouped by reason, oldest first
 * post = {id, platform_id, url, handle, at, text (the first words)}
 * features = {similarity, name, name_key, words, lead, clash, same_author, same_link, hours_apart, cross_script}
 * </pre>
 *
 * A thread's or quote group's links and refusal are on its first post; its other posts carry one
 * {@code thread}, {@code quote} or {@code quoted_by} join to the post they continue.
 */
public record DigestExplanation(Header header, List<StoryBlock> stories, List<DroppedPost> dropped) {

    public DigestExplanation {
        stories = List.copyOf(stories);
        dropped = List.copyOf(dropped);
    }

    /** The explanation of what {@code build} did. */
    public static DigestExplanation of(DigestBuilder.Build build) {
        return Explaining.of(build);
    }

    /**
     * Only the block of one post, matched by its database id, platform id or URL: its story with
     * just that post, or its dropped line; the header stays the window's. Empty when the window has
     * no such post.
     */
    public Optional<DigestExplanation> only(String post) {
        String p = post.trim();
        for (StoryBlock s : stories) {
            for (PostBlock b : s.posts()) {
                if (b.post().is(p)) {
                    StoryBlock one = new StoryBlock(
                            s.rank(),
                            s.score(),
                            s.parts(),
                            s.outcome(),
                            s.item(),
                            s.candidate(),
                            s.followUp(),
                            s.repeat(),
                            s.authors(),
                            s.postCount(),
                            List.of(b));
                    return Optional.of(new DigestExplanation(header, List.of(one), List.of()));
                }
            }
        }
        return dropped.stream()
                .filter(d -> d.post().is(p))
                .findFirst()
                .map(d -> new DigestExplanation(header, List.of(), List.of(d)));
    }

    /**
     * The window and the counts.
     *
     * @param engine     the summarizer the build used ({@code offline} for {@code --explain})
     * @param threshold  the probability at which the pair model links two units
     * @param followUps  stories left after the repeat guard that continue an earlier item with news
     * @param reviewChangedStories true when a merge review changed the clusterer's stories; the
     *     links are then the clusterer's
     */
    public record Header(
            String slot,
            ZonedDateTime windowStart,
            ZonedDateTime windowEnd,
            String engine,
            double threshold,
            int posts,
            int kept,
            Map<PostFilter.Reason, Integer> dropped,
            int stories,
            int items,
            int notPicked,
            int repeats,
            int followUps,
            boolean reviewChangedStories) {

        public Header {
            // reasons in the filter's order, every reason present
            Map<PostFilter.Reason, Integer> counts = new EnumMap<>(PostFilter.Reason.class);
            for (PostFilter.Reason r : PostFilter.Reason.values()) {
                counts.put(r, dropped.getOrDefault(r, 0));
            }
            dropped = Collections.unmodifiableMap(counts);
        }
    }

    /** What became of a story. */
    public enum Outcome {
        /** It is an item of the digest. */
        ITEM,
        /** It passed the repeat guard but ranked below the items. */
        NOT_PICKED,
        /** An earlier digest told it and it has no news. */
        REPEAT
    }

    /**
     * One story, ranked.
     *
     * @param rank      1 for the best-scored story of the window
     * @param item      its number in the digest, null when it is not an item
     * @param candidate its place among the stories left after the repeat guard, null for a repeat
     * @param followUp  it continues an earlier item with news (its headline is marked)
     * @param repeat    the repeat guard's decision and its reason (new, follow-up of which item with
     *                  what news, or left out as a repeat of which item)
     * @param postCount how many posts the story has (more than {@code posts} when only one is shown)
     */
    public record StoryBlock(
            int rank,
            double score,
            StoryRanker.Parts parts,
            Outcome outcome,
            Integer item,
            Integer candidate,
            boolean followUp,
            String repeat,
            List<String> authors,
            int postCount,
            List<PostBlock> posts) {

        public StoryBlock {
            authors = List.copyOf(authors);
            posts = List.copyOf(posts);
        }
    }

    /**
     * One post of the window.
     *
     * @param firstWords the start of its text, on one line
     */
    public record PostRef(long id, String platformId, String url, String handle, ZonedDateTime at, String firstWords) {

        boolean is(String ref) {
            return ref.equals(platformId) || ref.equals(url) || ref.equals(String.valueOf(id));
        }
    }

    /**
     * A post in its story.
     *
     * @param unit           id of the first post of its unit (its own id for a post on its own)
     * @param joinedBy       what put it in the story; empty for a story of one unit
     * @param closestRefused the nearest miss, on the first post of a unit only; null when none
     */
    public record PostBlock(PostRef post, long unit, List<Join> joinedBy, Refusal closestRefused) {

        public PostBlock {
            joinedBy = List.copyOf(joinedBy);
        }
    }

    /** How a join was made. */
    public enum JoinKind {
        /** The pair model linked the two units. */
        MODEL,
        /** The same author's thread. */
        THREAD,
        /** The post quotes the other. */
        QUOTE,
        /** The other post quotes this one. */
        QUOTED_BY
    }

    /**
     * One join of a post to another post of its story.
     *
     * @param probability the model's, null for a thread or quote
     * @param evidence    what the pair has in common, null for a thread or quote
     */
    public record Join(JoinKind kind, long post, String handle, Double probability, PairEvidence evidence) {}

    /** Why a pair was not merged. */
    public enum RefusalKind {
        /** The model's probability was below its threshold. */
        BELOW_THRESHOLD,
        /** The model linked the pair, but the mean probability across the two stories was too low. */
        AVERAGE_LINKAGE
    }

    /**
     * The most probable pair that did not bring a unit together with another.
     *
     * @param meanAcross the mean probability across the two stories, for {@code AVERAGE_LINKAGE}
     * @param sameStory  the other post is in this story anyway (through the story's other posts)
     * @param storyRank  the rank of the other post's story
     */
    public record Refusal(
            RefusalKind why,
            long post,
            String handle,
            double probability,
            PairEvidence evidence,
            Double meanAcross,
            boolean sameStory,
            Integer storyRank) {}

    /** A post the filter left out, with the filter's reason. */
    public record DroppedPost(PostRef post, PostFilter.Reason reason) {}
}
