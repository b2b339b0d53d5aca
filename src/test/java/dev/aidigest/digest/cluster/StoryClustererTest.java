package dev.aidigest.digest.cluster;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static dev.aidigest.digest.TestPosts.withReference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig.ClusterConfig;
import dev.aidigest.digest.*;
import dev.aidigest.ingest.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The clustering's rules on hand-made vectors (one axis per topic), without the embedding model.
 * A zero background keeps the tiny windows from being centred on their own three posts, so the
 * vectors mean what they say.
 */
class StoryClustererTest {

    private static final Instant T = Instant.parse("2025-11-26T05:00:00Z");
    private final StoryClusterer clusterer = new StoryClusterer(
            new ClusterConfig(12),
            Entities.standard(),
            new Background(new float[512], new float[512]),
            StoryModel.bundled());

    private static float[] mix(int x, int y) {
        float[] v = new float[512];
        v[x] = 0.7071f;
        v[y] = 0.7071f;
        return v;
    }

    /** Topic {@code x} and much of the shared topic 9: two of these have similarity 0.45, enough to link. */
    private static float[] partly(int x) {
        float[] v = new float[512];
        v[x] = 0.7416f;
        v[9] = 0.6708f;
        return v;
    }

    /** Mostly topic {@code x}, a little of the shared topic 9: two of these have similarity 0.2. */
    private static float[] near(int x) {
        float[] v = new float[512];
        v[x] = 0.8944f;
        v[9] = 0.4472f;
        return v;
    }

    @Test
    void doesNotChainPostsThatEachResembleOnlyTheNext() {
        StoredPost a = post(1, "a", "The first thing about robotics research today", T, 10, axis(1));
        StoredPost b = post(2, "b", "Something about robotics and also chips research", T, 10, mix(1, 2));
        StoredPost c = post(3, "c", "Something about chips and also batteries research", T, 10, mix(2, 3));
        StoredPost d = post(4, "d", "The last thing about batteries research today", T, 10, axis(3));

        List<Story> stories = clusterer.cluster(List.of(a, b, c, d));

        // each post links to the next, but a post joins a story only when close to it as a whole
        assertThat(stories).hasSizeGreaterThan(1);
        assertThat(stories).noneMatch(s -> s.posts().containsAll(List.of(a, d)));
    }

    @Test
    void aPostCloseToOnlyOnePostOfAStoryOfThreeDoesNotJoinIt() {
        StoredPost a = post(1, "a", "The first thing about robotics research today", T, 10, axis(1));
        StoredPost b = post(2, "b", "More about the same robotics research today", T, 10, axis(1));
        StoredPost c = post(3, "c", "Robotics research once more, from another lab", T, 10, axis(1));
        StoredPost bridge = post(4, "d", "Something about robotics and also chips research", T, 10, mix(1, 2));
        StoredPost chips = post(5, "e", "The second thing about chips research today", T, 10, axis(2));

        List<Story> stories = clusterer.cluster(List.of(a, b, c, bridge, chips));

        assertThat(stories).noneMatch(s -> s.posts().containsAll(List.of(a, chips)));
    }

    @Test
    void joinsPostsThatShareARareNameAtModerateSimilarity() {
        StoredPost en = post(1, "mervenoyann", "FLUX.2 is out, a new image model", T, 10, near(1));
        StoredPost zh = post(2, "op7418", "测试了一下刚发布的 FLUX.2，效果很好", T, 10, near(2));
        StoredPost other = post(3, "x", "A new image model is out today from someone", T, 10, near(3));

        List<Story> stories = clusterer.cluster(List.of(en, zh, other));

        assertThat(stories).anySatisfy(s -> assertThat(s.posts()).containsExactlyInAnyOrder(en, zh));
        assertThat(stories).hasSize(2);
    }

    @Test
    void keepsTwoStoriesAboutOneCompanyApart() {
        StoredPost sam = post(1, "a", "Meta releases SAM 3 for segmentation", T, 10, near(1));
        StoredPost glasses = post(2, "b", "Meta shows new AI glasses with a display", T, 10, near(2));
        StoredPost samAgain = post(3, "c", "Meta 发布 SAM 3 分割模型", T, 10, near(3));

        List<Story> stories = clusterer.cluster(List.of(sam, glasses, samAgain));

        assertThat(stories).hasSize(2).anySatisfy(s -> assertThat(s.posts()).containsExactlyInAnyOrder(sam, samAgain));
    }

    @Test
    void keepsAThreadTogetherEvenWhenItsPostsLookUnrelated() {
        StoredPost first = withReference(
                post(1, "karpathy", "1/ A long thread on LLM training", T, 500, axis(1)), null, "1990000000000000001");
        StoredPost second = withReference(
                post(2, "karpathy", "2/ pricing and hardware notes", T.plusSeconds(60), 50, axis(2)),
                new Post.Reference("replied_to", "1990000000000000001", "karpathy"),
                "1990000000000000001");

        List<Story> stories = clusterer.cluster(List.of(first, second));

        assertThat(stories).singleElement().satisfies(s -> assertThat(s.lead()).isEqualTo(first));
    }

    @Test
    void putsAQuoteInTheStoryOfThePostItQuotes() {
        StoredPost original =
                post(1, "deepseek_ai", "DeepSeekMath-V2: self-verifiable mathematical reasoning", T, 5000, axis(1));
        StoredPost quote = withReference(
                post(
                        2,
                        "ClementDelangue",
                        "An open-weight model at IMO gold level. What a time",
                        T.plusSeconds(600),
                        900,
                        axis(2)),
                new Post.Reference("quoted", original.post().platformId(), "deepseek_ai"),
                "1990000000000000002");

        assertThat(clusterer.cluster(List.of(quote, original))).singleElement().satisfies(s -> assertThat(s.posts())
                .containsExactly(original, quote));
    }

    @Test
    void readsAThreadFromItsFirstPostSoALateMentionDoesNotPullItAway() {
        String root = "1990000000000000001";
        StoredPost first = withReference(
                post(
                        1,
                        "mervenoyann",
                        "FLUX.2 is out, single text encoder Mistral Small 3.1 and a DiT",
                        T,
                        800,
                        moderate(1)),
                null,
                root);
        StoredPost second = withReference(
                post(
                        2,
                        "mervenoyann",
                        "you can also inpaint with masks from SAM 3",
                        T.plusSeconds(60),
                        50,
                        moderate(1)),
                new Post.Reference("replied_to", root, "mervenoyann"),
                root);
        StoredPost sam = post(
                3, "ylecun", "SAM 3, from FAIR. Segment anything with words", T.plusSeconds(120), 3000, moderate(2));
        StoredPost samToo =
                post(4, "huggingface", "The SAM 3 demo Space is live", T.plusSeconds(180), 300, moderate(3));

        List<Story> stories = clusterer.cluster(List.of(second, sam, first, samToo));

        assertThat(stories).hasSize(2).anySatisfy(s -> assertThat(s.posts()).containsExactlyInAnyOrder(first, second));
    }

    @Test
    void neverLinksPostsFurtherApartThanMaxHours() {
        StoredPost early = post(1, "a", "Qwen3-VL technical report is out", T, 10, axis(1));
        StoredPost late = post(2, "b", "Qwen3-VL technical report is out", T.plus(Duration.ofHours(13)), 10, axis(1));

        assertThat(clusterer.cluster(List.of(early, late))).hasSize(2);
    }

    @Test
    void leadsWithTheMostEngagingOriginalPostAndCreditsItsAuthorFirst() {
        StoredPost small = post(1, "mervenoyann", "merve", "FLUX.2 is out, new image model", T, 800, null, axis(1));
        StoredPost big = post(
                2,
                "bfl_ml",
                "Black Forest Labs",
                "Introducing FLUX.2 frontier visual intelligence",
                T.plusSeconds(300),
                5000,
                null,
                axis(1));
        StoredPost reply = withReference(
                post(
                        3,
                        "bfl_ml",
                        "Black Forest Labs",
                        "FLUX.2 weights are on the hub",
                        T.plusSeconds(400),
                        9000,
                        null,
                        axis(1)),
                new Post.Reference("replied_to", "x", "bfl_ml"),
                "elsewhere");

        Story story = clusterer.cluster(List.of(small, big, reply)).get(0);

        assertThat(story.lead()).isEqualTo(big);
        assertThat(story.authors()).containsExactly("Black Forest Labs", "merve");
    }

    /** Opposite of {@code axis(k)}: similarity −1, far below any similarity bar. */
    private static float[] against(int k) {
        float[] v = new float[512];
        v[k] = -1f;
        return v;
    }

    @Test
    void aReplyToAPostOfTheWindowJoinsItsStoryAtASimilarityThatIsOtherwiseNotEnough() {
        StoredPost merve = post(1, "mervenoyann", "FLUX.2 is out, new image generation model", T, 10, moderate(1));
        StoredPost answer = withReference(
                post(
                        2,
                        "ClementDelangue",
                        "already #1 trending, open weights keep winning",
                        T.plusSeconds(900),
                        10,
                        moderate(2)),
                new Post.Reference("replied_to", merve.post().platformId(), "mervenoyann"),
                merve.post().platformId());
        StoredPost plain = post(
                3, "someone", "already #1 trending, open weights keep winning", T.plusSeconds(900), 10, moderate(3));

        assertThat(clusterer.cluster(List.of(merve, answer))).hasSize(1);
        assertThat(clusterer.cluster(List.of(merve, plain)))
                .as("no reply and no name: 0.3 alone is not enough")
                .hasSize(2);
    }

    /** Topic {@code x} and some of the shared topic 9: two of these have similarity 0.3. */
    private static float[] moderate(int x) {
        return similar(x, 0.3);
    }

    /** Topic {@code x} and some of the shared topic 9: two of these (different x) have similarity {@code s}. */
    private static float[] similar(int x, double s) {
        float[] v = new float[512];
        v[x] = (float) Math.sqrt(1 - s);
        v[9] = (float) Math.sqrt(s);
        return v;
    }

    @Test
    void aChineseAndAnEnglishPostLinkAtASimilarityThatIsNotEnoughInOneLanguage() {
        StoredPost en = post(1, "OpenAI", "Introducing shopping research in ChatGPT.", T, 10, similar(1, 0.38));
        StoredPost zh = post(2, "imxiaohu", "ChatGPT 上线了“购物研究”功能：告诉它你要买什么", T.plusSeconds(600), 10, similar(2, 0.38));
        StoredPost zhUnnamed = post(3, "imxiaohu", "上线了“购物研究”功能：告诉它你要买什么", T.plusSeconds(600), 10, similar(2, 0.38));
        StoredPost en2 = post(
                4,
                "someone",
                "A new way to compare prices before you buy anything.",
                T.plusSeconds(900),
                10,
                similar(3, 0.38));

        assertThat(clusterer.cluster(List.of(en, zh))).hasSize(1);
        assertThat(clusterer.cluster(List.of(en, zhUnnamed)))
                .as("two languages: tellings of one story score lower, the model knows it")
                .hasSize(1);
        assertThat(clusterer.cluster(List.of(en, en2)))
                .as("one language, no words in common: 0.38 is not enough")
                .hasSize(2);
    }
}
