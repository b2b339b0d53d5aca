package dev.aidigest.digest.explain;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static dev.aidigest.digest.TestPosts.withReference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.FakeDigests;
import dev.aidigest.digest.FakePosts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.StoryClusterer;
import dev.aidigest.digest.cluster.StoryModel;
import dev.aidigest.digest.explain.DigestExplanation.JoinKind;
import dev.aidigest.digest.explain.DigestExplanation.Outcome;
import dev.aidigest.digest.explain.DigestExplanation.PostBlock;
import dev.aidigest.digest.explain.DigestExplanation.RefusalKind;
import dev.aidigest.digest.explain.DigestExplanation.StoryBlock;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.RepeatGuard;
import dev.aidigest.digest.rank.StoryRanker;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.ingest.Post;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explanation of a small window built in memory through the real pipeline (filter, clusterer with
 * the bundled pair model, ranker, repeat guard, offline summarizer) on hand-made vectors: one axis per
 * topic, and a zero background so a tiny window is not centred on its own posts.
 */
class DigestExplanationTest {

    private static final Slot SLOT = Slot.parse("2025.11.26.16", ZoneId.of("Asia/Shanghai"));
    private static final Instant START = SLOT.windowStart();
    private static final Background ZERO = new Background(new float[512], new float[512]);
    private static AppConfig config;

    private final FakePosts posts = new FakePosts();
    private final FakeDigests digests = new FakeDigests();

    @BeforeAll
    static void loadConfig() {
        config = new ConfigLoader(Path.of("config"), Map.of()).app();
    }

    /** Topic 1 with {@code share}, the rest on a topic of its own. */
    private static float[] partly(double share, int own) {
        float[] v = new float[512];
        v[1] = (float) share;
        v[own] = (float) Math.sqrt(1 - share * share);
        return v;
    }

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private DigestExplanation explainWindow() {
        String root = post(4, "karpathy", "", START, 0, null).post().platformId();
        posts.add(
                post(1, "bfl_ml", "FLUX.2 is out: our new image generation and editing model", at(10), 900, axis(1)),
                post(2, "mervenoyann", "FLUX.2 [dev] weights are on Hugging Face, try the model", at(20), 300, axis(1)),
                post(3, "ClementDelangue", "FLUX.2 is the top trending model on Hugging Face", at(215), 200, axis(1)),
                withReference(
                        post(4, "karpathy", "1/ nanochat update: an RL stage for the LLM", at(30), 500, axis(2)),
                        null,
                        root),
                withReference(
                        post(5, "karpathy", "2/ GSM8K goes from 7.6% to 14% with GRPO", at(32), 100, axis(3)),
                        new Post.Reference("replied_to", root, "karpathy"),
                        root),
                withReference(
                        post(6, "dotey", "RT @bfl_ml: FLUX.2 is out", at(40), 0, axis(1)),
                        new Post.Reference("retweeted", "1", "bfl_ml"),
                        "6"),
                post(7, "foodie", "周末去吃了一家超好吃的火锅，强烈推荐大家去试试", at(50), 50, axis(5)),
                withReference(
                        post(8, "someone", "@sama agreed, this is a great model for coding", at(60), 3, axis(6)),
                        new Post.Reference("replied_to", "123", "sama"),
                        "123"),
                post(
                        9,
                        "AnthropicAI",
                        "Claude Opus 4.5 is now available in the API for everyone",
                        at(70),
                        800,
                        axis(7)),
                post(10, "newsbot", "A new image model is out today from a small lab", at(30), 10, partly(0.45, 10)),
                post(
                        11,
                        "fan",
                        "Open image models keep getting better, another AI release",
                        at(220),
                        10,
                        partly(0.56, 11)));
        digests.told(START, "2025.11.26.12", "Claude Opus 4.5 发布", List.of(9L));
        AppConfig.DigestConfig two = new AppConfig.DigestConfig(1, 2, 24, "0 0 0/4 * * ?", "site");
        Entities entities = Entities.standard();
        DigestBuilder builder = new DigestBuilder(
                posts,
                new OfflineSummarizer(),
                PostFilter.fromConfigDir(Path.of("config")),
                new StoryClusterer(new AppConfig.ClusterConfig(12), entities, ZERO, StoryModel.bundled()),
                new StoryRanker(config.ranking(), two, Map.of()),
                new RepeatGuard(posts, digests, two, entities, ZERO),
                two,
                config.ranking());
        return DigestExplanation.of(builder.buildWithReport(SLOT, SLOT.windowEnd()));
    }

    @Test
    void accountsForEveryPostOfTheWindowOnce() {
        DigestExplanation e = explainWindow();

        List<Long> shown = new ArrayList<>();
        e.stories().forEach(s -> s.posts().forEach(p -> shown.add(p.post().id())));
        e.dropped().forEach(d -> shown.add(d.post().id()));
        assertThat(shown).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(e.header().slot()).isEqualTo("2025.11.26.16");
        assertThat(e.header().posts()).isEqualTo(11);
        assertThat(e.header().kept()).isEqualTo(8);
        assertThat(e.header().threshold()).isEqualTo(StoryModel.bundled().threshold());
        assertThat(e.header().reviewChangedStories()).isFalse();
    }

    @Test
    void saysWhyTheFilterDroppedAPost() {
        DigestExplanation e = explainWindow();

        assertThat(e.dropped())
                .extracting(d -> d.post().id() + " " + d.reason())
                .containsExactly("6 RETWEET", "8 REPLY_TO_OTHER", "7 OFF_TOPIC");
        assertThat(e.header().dropped())
                .containsEntry(PostFilter.Reason.RETWEET, 1)
                .containsEntry(PostFilter.Reason.TOO_SHORT, 0);
        assertThat(e.dropped().get(0).post().firstWords()).isEqualTo("RT @bfl_ml: FLUX.2 is out");
        assertThat(e.dropped().get(0).post().handle()).isEqualTo("dotey");
    }

    @Test
    void aMultiAuthorStoryIsTheFirstItemWithTheLinksThatJoinedItsPosts() {
        DigestExplanation e = explainWindow();

        StoryBlock flux = storyOf(e, 1);
        assertThat(flux.rank()).isEqualTo(1);
        assertThat(flux.outcome()).isEqualTo(Outcome.ITEM);
        assertThat(flux.item()).isEqualTo(1);
        assertThat(flux.posts()).extracting(b -> b.post().id()).containsExactlyInAnyOrder(1L, 2L, 3L);
        PostBlock bfl = block(flux, 1);
        assertThat(bfl.joinedBy()).extracting(j -> j.post()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(bfl.joinedBy()).allSatisfy(j -> {
            assertThat(j.kind()).isEqualTo(JoinKind.MODEL);
            assertThat(j.probability()).isGreaterThanOrEqualTo(e.header().threshold());
            assertThat(j.evidence().nameKey()).isEqualTo("flux2");
        });
        StoryRanker.Parts parts = flux.parts();
        assertThat(parts.total()).isEqualTo(flux.score());
        assertThat(parts.authors())
                .isCloseTo(config.ranking().authorsWeight() * Math.log(3) / Math.log(2), Offset.offset(1e-12));
    }

    @Test
    void aThreadsSecondPostIsJoinedByTheThread() {
        StoryBlock thread = storyOf(explainWindow(), 5);

        assertThat(thread.posts()).extracting(b -> b.post().id()).containsExactly(4L, 5L);
        PostBlock second = block(thread, 5);
        assertThat(second.unit()).isEqualTo(4);
        assertThat(second.joinedBy()).singleElement().satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JoinKind.THREAD);
            assertThat(j.post()).isEqualTo(4);
            assertThat(j.probability()).isNull();
        });
        assertThat(second.closestRefused()).isNull();
    }

    @Test
    void namesTheClosestRefusalBelowTheThresholdAndTheOneAverageLinkageRefused() {
        DigestExplanation e = explainWindow();
        int fluxRank = storyOf(e, 1).rank();

        PostBlock lone = block(storyOf(e, 10), 10);
        assertThat(lone.joinedBy()).isEmpty();
        assertThat(lone.closestRefused()).satisfies(r -> {
            assertThat(r.why()).isEqualTo(RefusalKind.BELOW_THRESHOLD);
            assertThat(r.post()).isIn(1L, 2L, 3L);
            assertThat(r.probability()).isLessThan(e.header().threshold());
            assertThat(r.evidence().similarity()).isBetween(0.2f, 0.4f);
            assertThat(r.storyRank()).isEqualTo(fluxRank);
            assertThat(r.sameStory()).isFalse();
        });

        PostBlock late = block(storyOf(e, 11), 11);
        assertThat(late.closestRefused()).satisfies(r -> {
            assertThat(r.why()).isEqualTo(RefusalKind.AVERAGE_LINKAGE);
            assertThat(r.post()).isEqualTo(3);
            assertThat(r.probability()).isGreaterThanOrEqualTo(e.header().threshold());
            assertThat(r.meanAcross()).isLessThan(e.header().threshold());
        });
    }

    @Test
    void tellsItemsFromStoriesNotPickedAndRepeats() {
        DigestExplanation e = explainWindow();

        assertThat(e.header().items()).isEqualTo(2);
        assertThat(e.header().repeats()).isEqualTo(1);
        StoryBlock repeat = storyOf(e, 9);
        assertThat(repeat.outcome()).isEqualTo(Outcome.REPEAT);
        assertThat(repeat.item()).isNull();
        assertThat(repeat.candidate()).isNull();
        assertThat(repeat.repeat())
                .startsWith("left out: repeats 2025.11.26.12")
                .contains("Claude Opus 4.5 发布");
        assertThat(storyOf(e, 1).repeat()).startsWith("new");
        assertThat(e.stories())
                .filteredOn(s -> s.outcome() == Outcome.NOT_PICKED)
                .allSatisfy(s -> {
                    assertThat(s.candidate()).isGreaterThan(2);
                    assertThat(s.item()).isNull();
                });
        assertThat(e.stories()).extracting(StoryBlock::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(e.stories()).extracting(StoryBlock::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void theTextHasOneBlockPerStoryThenTheDroppedPostsByReason() {
        String text = ExplanationText.render(explainWindow());

        assertThat(text).startsWith("Slot 2025.11.26.16: window 2025-11-26 12:00 +08:00 to 2025-11-26 16:00 +08:00");
        assertThat(text).contains("11 posts: 8 kept, 3 dropped (RETWEET 1, REPLY_TO_OTHER 1, OFF_TOPIC 1)");
        assertThat(text).contains("Story #1: item 1 of the digest", "joined with post 2 @mervenoyann: p=");
        assertThat(text).contains("repeat of an earlier item", "in the thread of post 4 @karpathy");
        assertThat(text).contains("below the threshold", "but the two stories average p=");
        assertThat(text.indexOf("Dropped by the filter")).isGreaterThan(text.lastIndexOf("Story #"));
        assertThat(text).contains("  RETWEET (1)\n    post 6 @dotey ");
    }

    @Test
    void onlyOnePostKeepsItsStoryAndTheWindowCounts() {
        DigestExplanation e = explainWindow();
        String url = "https://x.com/karpathy/status/"
                + post(5, "karpathy", "", START, 0, null).post().platformId();

        DigestExplanation one = e.only(url).orElseThrow();
        assertThat(one.stories()).singleElement().satisfies(s -> {
            assertThat(s.posts()).extracting(b -> b.post().id()).containsExactly(5L);
            assertThat(s.postCount()).isEqualTo(2);
        });
        assertThat(one.dropped()).isEmpty();
        assertThat(one.header()).isEqualTo(e.header());
        assertThat(e.only("7").orElseThrow().dropped()).singleElement().satisfies(d -> assertThat(d.reason())
                .isEqualTo(PostFilter.Reason.OFF_TOPIC));
        assertThat(e.only("no-such-post")).isEmpty();
    }

    private static StoryBlock storyOf(DigestExplanation e, long postId) {
        return e.stories().stream()
                .filter(s -> s.posts().stream().anyMatch(b -> b.post().id() == postId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("post " + postId + " is in no story"));
    }

    private static PostBlock block(StoryBlock s, long postId) {
        return s.posts().stream()
                .filter(b -> b.post().id() == postId)
                .findFirst()
                .orElseThrow();
    }
}
