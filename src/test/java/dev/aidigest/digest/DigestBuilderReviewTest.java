package dev.aidigest.digest;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.AppConfig.LlmConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.StoryClusterer;
import dev.aidigest.digest.cluster.StoryModel;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.RepeatGuard;
import dev.aidigest.digest.rank.StoryRanker;
import dev.aidigest.digest.review.MergeReview;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.ingest.Post;
import dev.aidigest.llm.LangChainSummarizer;
import dev.aidigest.llm.LlmMergeReview;
import dev.aidigest.testing.FakeChatRequest;
import dev.aidigest.testing.FakeOpenAi;
import dev.aidigest.testing.FakeOpenAi.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole build in LLM mode against the loopback server: the review's one call, applied and counted. */
class DigestBuilderReviewTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Slot SLOT = Slot.parse("2025.11.26.16", SHANGHAI);
    private static final Instant MADE = SLOT.windowEnd().plusSeconds(60);
    private static final Predicate<FakeChatRequest> REVIEW = r -> r.firstUser().contains("<story id=");

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final FakePosts posts = new FakePosts();
    private final ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
    private final AppConfig config = loader.app();
    private final SourcesConfig sources = loader.sources();
    private final Instant t0 = SLOT.windowStart().plus(Duration.ofMinutes(30));
    private final StoredPost flux = post(
            1,
            "bfl_ml",
            "Black Forest Labs",
            "FLUX.2 is out: our new image generation and editing model, open weights for FLUX.2 [dev].",
            t0,
            5000,
            null,
            axis(1));
    private final StoredPost stray = post(
            2,
            "bentossell",
            "Ben Tossell",
            "unrelated, but sfcompute just raised $40M to build a market for GPU clusters",
            t0.plusSeconds(600),
            300,
            new Post.Reference("quoted", flux.post().platformId(), "bfl_ml"),
            axis(2));
    private final StoredPost dotey =
            // A Chinese telling that names nothing and comes hours later: the offline engine cannot link it.
            post(3, "dotey", "宝玉", "新一代开源图像模型发布了，支持多图参考与编辑", t0.plusSeconds(3 * 3600), 800, null, axis(3));

    @BeforeEach
    void window() {
        posts.add(flux, stray, dotey);
        posts.add(post(
                4,
                "sundarpichai",
                "Sundar Pichai",
                "Gemini 3 Pro is rolling out in the Gemini app today.",
                t0.plusSeconds(1800),
                9000,
                null,
                axis(4)));
        posts.add(post(
                5,
                "AnthropicAI",
                "Anthropic",
                "Claude Opus 4.5 is here: best model for coding and agents.",
                t0.plusSeconds(2400),
                7000,
                null,
                axis(5)));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private DigestBuilder builder() {
        LlmConfig llm = new LlmConfig(fake.baseUrl(), "test-key", "gpt-4o-mini", 5, 2, 2, 600, 6, false);
        Entities entities = Entities.standard();
        Background background = Background.bgeSmallZh();
        MergeReview review = new LlmMergeReview(llm, loader.prompt("merge-review"));
        return new DigestBuilder(
                posts,
                new LangChainSummarizer(
                        llm,
                        loader.prompt("story"),
                        loader.prompt("categories"),
                        SummaryCache.NONE,
                        new OfflineSummarizer()),
                PostFilter.fromConfigDir(Path.of("config")),
                new StoryClusterer(config.clustering(), entities, background, StoryModel.bundled()),
                new StoryRanker(config.ranking(), config.digest(), sources.weights()),
                new RepeatGuard(posts, new FakeDigests(), config.digest(), entities, background),
                config.digest(),
                config.ranking(),
                review);
    }

    private static int storyOf(List<Story> stories, StoredPost lead) {
        for (int i = 0; i < stories.size(); i++) {
            if (stories.get(i).lead().id() == lead.id()) {
                return i;
            }
        }
        throw new AssertionError("no story led by post " + lead.id());
    }

    @Test
    void theReviewMergesTwoStoriesAndMovesAQuoteOutWithinItemsPlusThreeCalls() {
        DigestBuilder.Build first = builder().buildWithReport(SLOT, MADE);
        // the default answer of the fake is no review answer: the clusterer's stories stand
        assertThat(first.stories()).hasSize(4);
        int fluxStory = storyOf(first.stories(), flux);
        int doteyStory = storyOf(first.stories(), dotey);
        assertThat(first.stories().get(fluxStory).posts()).containsExactly(flux, stray);
        List<FakeChatRequest> firstReviews =
                fake.requests().stream().filter(REVIEW).toList();
        assertThat(firstReviews).hasSize(1);
        assertThat(firstReviews.get(0).firstUser())
                .contains(
                        "<story id=\"" + fluxStory + "\"", "<story id=\"" + doteyStory + "\"", "[" + stray.id() + "]");
        int before = fake.requests().size();
        fake.on(
                REVIEW,
                Reply.content("{\"same\": [[" + fluxStory + ", " + doteyStory + "]], \"not_belonging\": [{\"story\": "
                        + fluxStory + ", \"post\": \"" + stray.id() + "\"}]}"));

        Digest d = builder().build(SLOT, MADE);

        List<FakeChatRequest> calls =
                fake.requests().subList(before, fake.requests().size());
        assertThat(d.items()).hasSize(4);
        assertThat(d.items()).anySatisfy(i -> assertThat(i.postIds()).containsExactly(1L, 3L));
        assertThat(d.items()).anySatisfy(i -> assertThat(i.postIds()).containsExactly(2L));
        assertThat(d.items().stream().mapToInt(i -> i.postIds().size()).sum()).isEqualTo(5);
        assertThat(calls.stream().filter(REVIEW)).hasSize(1);
        assertThat(d.usage().calls())
                .isEqualTo(calls.size())
                .isLessThanOrEqualTo(d.items().size() + 3);
        assertThat(d.usage().inputTokens())
                .isEqualTo(calls.stream()
                        .mapToInt(r -> FakeOpenAi.estimateTokens(r.messageTexts()))
                        .sum());
    }

    @Test
    void aFailedReviewStillBuildsTheDigestFromTheClusterersStories() {
        fake.on(REVIEW, Reply.status(500), Reply.status(500), Reply.status(500));

        Digest d = builder().build(SLOT, MADE);

        assertThat(d.items()).hasSize(4);
        assertThat(d.items()).anySatisfy(i -> assertThat(i.postIds()).containsExactly(1L, 2L));
        assertThat(d.items()).noneMatch(DigestItem::offline);
        assertThat(fake.requests().stream().filter(REVIEW)).hasSize(2);
        assertThat(d.usage().calls())
                .isEqualTo(fake.requests().size())
                .isLessThanOrEqualTo(d.items().size() + 3);
    }
}
