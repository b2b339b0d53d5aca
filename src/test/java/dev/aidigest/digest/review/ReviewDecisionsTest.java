package dev.aidigest.digest.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.review.ReviewAnswer.Removal;
import dev.aidigest.testing.StoryFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reviewer's ids are applied only where consistent, and never lose or repeat a post. */
class ReviewDecisionsTest {

    private final StoryFixtures f = new StoryFixtures();
    private final StoredPost flux =
            f.post("bfl_ml", "Black Forest Labs", "FLUX.2 is out: image generation and editing.");
    private final StoredPost merve = f.post("mervenoyann", "merve", "FLUX.2 needs 80GB VRAM, runs in diffusers.");
    private final StoredPost stray =
            f.post("bentossell", "Ben Tossell", "sfcompute raised $40M to build a GPU market.");
    private final StoredPost dotey = f.post("dotey", "宝玉", "Black Forest Labs 发布 FLUX.2 图像模型。");
    private final StoredPost gemini = f.post("sundarpichai", "Sundar Pichai", "Gemini 3 Pro is rolling out today.");
    private final StoredPost opus = f.post("AnthropicAI", "Anthropic", "Claude Opus 4.5 is here.");
    private final List<Story> stories =
            List.of(f.story(flux, merve, stray), f.story(dotey), f.story(gemini), f.story(opus));
    private final List<Integer> top = List.of(0, 2, 3);
    private final ShownStories all = ReviewCandidates.choose(stories, List.of(new NearPair(0, 1, 0.7)), top, 40);

    @Test
    void mergesShownStoriesUnderTheLeadOfTheBestRankedAndMovesAStrayPostOut() {
        Reviewed r = ReviewDecisions.apply(
                stories, top, all, new ReviewAnswer(List.of(List.of(1, 0)), List.of(new Removal(0, stray.id()))));

        assertThat(r.stories())
                .extracting(ReviewDecisionsTest::ids)
                .containsExactly(
                        List.of(flux.id(), merve.id(), dotey.id()),
                        List.of(gemini.id()),
                        List.of(opus.id()),
                        List.of(stray.id()));
        assertThat(r.notes())
                .containsExactly(
                        "merged stories [0, 1] (lead from story 0)", "moved post " + stray.id() + " out of story 0");
        assertThat(r.usage()).isEqualTo(LlmUsage.NONE);
    }

    @Test
    void aMergeOfStoriesOutsideTheTopKeepsTheLeadOfTheBiggest() {
        Reviewed r =
                ReviewDecisions.apply(stories, List.of(), all, new ReviewAnswer(List.of(List.of(1, 0)), List.of()));

        assertThat(r.stories().get(0).lead()).isEqualTo(flux);
        assertThat(r.stories()).hasSize(3);
    }

    @Test
    void refusesIdsThatDoNotExistOrWereNotShownAndRemovalsOfALeadOrAForeignPost() {
        ShownStories threeShown = ReviewCandidates.choose(stories, List.of(), List.of(0, 1, 2), 40);
        ReviewAnswer answer = new ReviewAnswer(
                List.of(List.of(0, 99), List.of(2, 3), List.of(2), List.of(1, 1)),
                List.of(
                        new Removal(0, flux.id()),
                        new Removal(1, merve.id()),
                        new Removal(3, opus.id()),
                        new Removal(7, stray.id()),
                        new Removal(0, 424242)));

        Reviewed r = ReviewDecisions.apply(stories, top, threeShown, answer);

        assertThat(r.stories()).isEqualTo(stories);
        assertThat(r.notes())
                .containsExactly(
                        "refused moving post " + flux.id() + " out of story 0: it is the story's lead post",
                        "refused moving post " + merve.id() + " out of story 1: it is not in that story",
                        "refused moving post " + opus.id() + " out of story 3: story 3 was not shown",
                        "refused moving post " + stray.id() + " out of story 7: there is no story 7",
                        "refused moving post 424242 out of story 0: it is not in that story",
                        "refused merging [0, 99]: there is no story 99",
                        "refused merging [2, 3]: story 3 was not shown",
                        "refused merging [2]: a merge needs two different stories",
                        "refused merging [1, 1]: a merge needs two different stories");
    }

    @Test
    void aPostThatWasNotShownCannotBeMovedOut() {
        List<StoredPost> many = new ArrayList<>();
        for (int i = 0; i < ReviewCandidates.POSTS_PER_STORY + 2; i++) {
            many.add(f.post("bfl_ml", "Black Forest Labs", "FLUX.2 thread part " + i));
        }
        List<Story> one = List.of(new Story(many));
        ShownStories shown = ReviewCandidates.choose(one, List.of(), List.of(0), 40);
        StoredPost hidden = many.get(many.size() - 1);

        Reviewed r = ReviewDecisions.apply(
                one, List.of(0), shown, new ReviewAnswer(List.of(), List.of(new Removal(0, hidden.id()))));

        assertThat(r.stories()).isEqualTo(one);
        assertThat(r.notes())
                .containsExactly("refused moving post " + hidden.id() + " out of story 0: it was not shown");
    }

    @Test
    void aStoryInTwoGroupsRefusesBothAndTheRestIsStillApplied() {
        Reviewed r = ReviewDecisions.apply(
                stories,
                top,
                all,
                new ReviewAnswer(List.of(List.of(0, 1), List.of(1, 2)), List.of(new Removal(0, stray.id()))));

        assertThat(r.stories()).hasSize(5);
        assertThat(r.stories().get(4).posts()).containsExactly(stray);
        assertThat(r.notes())
                .contains(
                        "refused merging [0, 1]: story [1] is in more than one group",
                        "refused merging [1, 2]: story [1] is in more than one group");
    }

    @Test
    void mergingMoreThanTheLargestGroupAtOnceIsRefused() {
        List<Story> eight = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < ReviewDecisions.MAX_GROUP + 2; i++) {
            eight.add(f.story("u" + i, "User " + i, "Model number " + i + " is out."));
            ids.add(i);
        }
        ShownStories shown = ReviewCandidates.choose(eight, List.of(), ids, 40);

        Reviewed r = ReviewDecisions.apply(eight, ids, shown, new ReviewAnswer(List.of(ids), List.of()));

        assertThat(r.stories()).isEqualTo(eight);
        assertThat(r.notes().get(0)).endsWith("more than " + ReviewDecisions.MAX_GROUP + " stories at once");
    }

    @Test
    void anEmptyAnswerChangesNothing() {
        Reviewed r = ReviewDecisions.apply(stories, top, all, ReviewAnswer.NOTHING);

        assertThat(r.stories()).isEqualTo(stories);
        assertThat(r.notes()).containsExactly("no change suggested");
    }

    /** Random answers, valid and not: every post stays exactly once, and order in the answer never matters. */
    @Test
    void anyAnswerKeepsEveryPostExactlyOnceAndTheResultDoesNotDependOnTheOrderOfDecisions() {
        List<Long> postIds = new ArrayList<>();
        stories.forEach(s -> s.posts().forEach(p -> postIds.add(p.id())));
        postIds.add(999_999L);
        Random random = new Random(7);
        int changed = 0;
        for (int round = 0; round < 500; round++) {
            List<List<Integer>> same = new ArrayList<>();
            for (int g = random.nextInt(3); g > 0; g--) {
                List<Integer> group = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    group.add(random.nextInt(6) - 1);
                }
                same.add(group);
            }
            List<Removal> removals = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                removals.add(new Removal(random.nextInt(5), postIds.get(random.nextInt(postIds.size()))));
            }
            Reviewed r = ReviewDecisions.apply(stories, top, all, new ReviewAnswer(same, removals));
            List<Long> after = new ArrayList<>();
            r.stories().forEach(s -> s.posts().forEach(p -> after.add(p.id())));
            assertThat(after).containsExactlyInAnyOrderElementsOf(postIds.subList(0, postIds.size() - 1));
            Collections.shuffle(same, random);
            Collections.shuffle(removals, random);
            assertThat(ReviewDecisions.apply(stories, top, all, new ReviewAnswer(same, removals))
                            .stories())
                    .isEqualTo(r.stories());
            changed += r.stories().equals(stories) ? 0 : 1;
        }
        assertThat(changed)
                .as("some random answers are consistent and change something")
                .isPositive();
    }

    @Test
    void theDisabledReviewReturnsTheInputAtNoCost() {
        Reviewed r = new DisabledMergeReview().review(stories, List.of(new NearPair(0, 1, 0.9)), top);

        assertThat(r.stories()).isEqualTo(stories);
        assertThat(r.usage()).isEqualTo(LlmUsage.NONE);
        assertThat(r.notes()).isEmpty();
    }

    private static List<Long> ids(Story s) {
        return s.posts().stream().map(StoredPost::id).toList();
    }
}
