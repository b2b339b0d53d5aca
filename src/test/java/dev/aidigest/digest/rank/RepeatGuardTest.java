package dev.aidigest.digest.rank;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig.DigestConfig;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.FakeDigests;
import dev.aidigest.digest.FakePosts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.cluster.Background;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatGuardTest {

    private static final Slot SLOT = Slot.parse("2025.11.26.16", ZoneId.of("Asia/Shanghai"));
    private static final Instant NOW = SLOT.windowStart().plus(Duration.ofHours(1));
    private static final Instant EARLIER = SLOT.windowStart().minus(Duration.ofHours(2));
    private static final Instant PREVIOUS_END = SLOT.windowStart();

    private final FakePosts posts = new FakePosts();
    private final FakeDigests digests = new FakeDigests();
    /** A zero background: the few hand-made vectors of a test are not centred on each other. */
    private final RepeatGuard guard = new RepeatGuard(
            posts,
            digests,
            new DigestConfig(10, 17, 24, "", ""),
            Entities.standard(),
            new Background(new float[512], new float[512]));

    private final StoredPost mervePast =
            post(1, "mervenoyann", "FLUX.2 is out: a new image generation and editing model", EARLIER, 800, axis(1));
    private final StoredPost bflPast =
            post(2, "bfl_ml", "Introducing FLUX.2, frontier visual intelligence", EARLIER, 5000, axis(1));

    /** Topic {@code x} with a share of topic 9: two such vectors have similarity 0.45, as related posts do. */
    private static float[] partly(int x) {
        float[] v = new float[512];
        v[x] = 0.7416f;
        v[9] = 0.6708f;
        return v;
    }

    private static RankedStory ranked(StoredPost... posts) {
        return new RankedStory(new Story(List.of(posts)), 1.0, false);
    }

    private List<RankedStory> apply(RankedStory... stories) {
        return guard.apply(List.of(stories), SLOT, 17);
    }

    @Test
    void dropsAStoryWhosePostsWereAllToldAlready() {
        posts.add(mervePast, bflPast);
        digests.told(PREVIOUS_END, "2025.11.26.12", "FLUX.2发布", List.of(1L, 2L));

        assertThat(apply(ranked(bflPast, mervePast))).isEmpty();
    }

    @Test
    void keepsAStoryWithNewPostsFromSomeoneNewAsAFollowUp() {
        StoredPost clem =
                post(3, "ClementDelangue", "FLUX.2 [dev] is already #1 trending on Hugging Face", NOW, 900, axis(1));
        posts.add(mervePast, bflPast, clem);
        digests.told(PREVIOUS_END, "2025.11.26.12", "FLUX.2发布", List.of(1L, 2L));

        assertThat(apply(ranked(clem))).singleElement().satisfies(r -> assertThat(r.followUp())
                .isTrue());
        assertThat(apply(ranked(bflPast, clem))).singleElement().satisfies(r -> assertThat(r.followUp())
                .isTrue());
    }

    @Test
    void dropsTheSameAuthorRetellingTheSameThing() {
        StoredPost again = post(4, "mervenoyann", "FLUX.2 really is a good image model, try it", NOW, 300, axis(1));
        posts.add(mervePast, again);
        digests.told(PREVIOUS_END, "2025.11.26.12", "FLUX.2发布", List.of(1L));

        assertThat(apply(ranked(again))).isEmpty();
    }

    @Test
    void treatsANewNameFromTheSameAuthorAsNews() {
        StoredPost klein = post(5, "bfl_ml", "FLUX.2 Klein is here: a small FLUX.2 for laptops", NOW, 2000, axis(1));
        posts.add(bflPast, klein);
        digests.told(PREVIOUS_END, "2025.11.26.12", "FLUX.2发布", List.of(2L));

        assertThat(apply(ranked(klein))).singleElement().satisfies(r -> assertThat(r.followUp())
                .isTrue());
    }

    @Test
    void aCompanyNameInCommonIsNotTheSameStory() {
        StoredPost design =
                post(6, "amasad", "New in Replit: Design Mode. Describe a site, get a design", NOW, 900, partly(1));
        StoredPost vibe = post(
                7, "amasad", "Most people building on Replit today have never written code", EARLIER, 900, partly(2));
        posts.add(design, vibe);
        digests.told(PREVIOUS_END, "2025.11.26.12", "Replit", List.of(7L));

        assertThat(apply(ranked(design))).singleElement().satisfies(r -> assertThat(r.followUp())
                .isFalse());
    }

    /**
     * Gary Marcus repeating yesterday's point joined, through the model they both name, a new
     * prompt post that tells something else: his post is left out as a repeat and the prompt is a
     * new story, not a 【后续】 of his. (A follow-up whose other posts are close to the earlier item
     * keeps its retellings: {@link #keepsAStoryWithNewPostsFromSomeoneNewAsAFollowUp}.)
     */
    @Test
    void aRetellingJoinedToAnUnrelatedNewPostIsLeftOutAndTheRestIsNew() {
        StoredPost garyPast = post(
                8, "GaryMarcus", "Gemini 3 still says a six-fingered hand has five fingers", EARLIER, 900, axis(3));
        StoredPost garyAgain = post(
                9,
                "GaryMarcus",
                "Reminder: Gemini 3 still says a six-fingered hand has five fingers",
                NOW,
                900,
                axis(3));
        StoredPost prompt = post(10, "vista8", "分享一个用 Gemini 3 练英语口语的提示词：你是我的英语口语陪练", NOW, 900, axis(5));
        posts.add(garyPast, garyAgain, prompt);
        digests.told(PREVIOUS_END, "2025.11.26.12", "Gary Marcus：Gemini 3 数不清手指", List.of(8L));

        assertThat(apply(ranked(prompt, garyAgain))).singleElement().satisfies(r -> {
            assertThat(r.followUp()).isFalse();
            assertThat(r.story().posts()).containsExactly(prompt);
        });
    }

    @Test
    void leavesAnUnrelatedStoryAloneAndUnmarked() {
        StoredPost sam =
                post(6, "mervenoyann", "Meta just released SAM 3, segment anything with text", NOW, 900, axis(7));
        posts.add(mervePast, sam);
        digests.told(PREVIOUS_END, "2025.11.26.12", "FLUX.2发布", List.of(1L));

        assertThat(apply(ranked(sam))).singleElement().satisfies(r -> assertThat(r.followUp())
                .isFalse());
    }

    @Test
    void looksBackOnlyOverTheRepeatWindow() {
        StoredPost again = post(4, "mervenoyann", "FLUX.2 really is a good image model, try it", NOW, 300, axis(1));
        posts.add(mervePast, again);
        digests.told(SLOT.windowEnd().minus(Duration.ofHours(28)), "2025.11.25.12", "FLUX.2发布", List.of(1L));

        assertThat(apply(ranked(again))).singleElement().satisfies(r -> assertThat(r.followUp())
                .isFalse());
        assertThat(digests.asked).singleElement().satisfies(range -> {
            assertThat(range[0]).isEqualTo(SLOT.windowEnd().minus(Duration.ofHours(24)));
            assertThat(range[1]).isEqualTo(SLOT.windowEnd());
        });
    }

    @Test
    void stopsOnceEnoughStoriesAreKept() {
        RankedStory a = ranked(post(7, "a", "GPT-5 news one", NOW, 1, axis(2)));
        RankedStory b = ranked(post(8, "b", "Gemini 3 news two", NOW, 1, axis(3)));
        RankedStory c = ranked(post(9, "c", "Claude news three", NOW, 1, axis(4)));

        assertThat(guard.apply(List.of(a, b, c), SLOT, 2)).containsExactly(a, b);
    }

    /** Topic {@code x} with a small share of topic 9: two such vectors have similarity 0.2, loosely related. */
    private static float[] loosely(int x) {
        float[] v = new float[512];
        v[x] = 0.8944f;
        v[9] = 0.4472f;
        return v;
    }

    @Test
    void continuesARareStoryItNamesInFullEvenWhenItsPostsAreOnlyLooselyAlike() {
        StoredPost order = post(
                10,
                "whitehouse",
                "The President signs an order launching the Genesis Mission, led by the Department of Energy.",
                EARLIER,
                900,
                loosely(1));
        StoredPost numbers = post(
                11,
                "peterdiamandis",
                "Genesis Mission infrastructure: AWS commits $50B, 2.2 GW of data centers in Indiana.",
                NOW,
                900,
                loosely(2));
        posts.add(order, numbers);
        digests.told(PREVIOUS_END, "2025.11.26.04", "Genesis Mission", List.of(10L));

        assertThat(apply(ranked(numbers))).singleElement().satisfies(r -> {
            assertThat(r.followUp()).isTrue();
            assertThat(r.decision().earlier().headline()).isEqualTo("Genesis Mission");
            assertThat(r.decision().whatIsNew()).contains("$50B", "2.2 GW");
        });
    }

    @Test
    void aToolManyStoriesLeadWithDoesNotMakeThemOneStory() {
        StoredPost tip = post(
                12,
                "dotey",
                "Claude Code tip: press Shift+Tab twice for plan mode before it edits.",
                EARLIER,
                900,
                partly(1));
        StoredPost skills = post(
                13,
                "huggingface",
                "Claude Code can now fine-tune open models with Hugging Face Skills on HF Jobs.",
                NOW,
                900,
                partly(2));
        StoredPost kimi = post(
                14, "kimi_moonshot", "Claude Code works with K2 Thinking Turbo at 100 tokens/s.", NOW, 900, axis(5));
        StoredPost hooks =
                post(15, "alexalbert__", "Claude Code hooks now run before every commit.", NOW, 900, axis(6));
        posts.add(tip, skills, kimi, hooks);
        digests.told(PREVIOUS_END, "2025.11.26.12", "Claude Code tip", List.of(12L));

        List<RankedStory> kept = apply(ranked(skills), ranked(kimi), ranked(hooks));

        assertThat(kept).hasSize(3).noneSatisfy(r -> assertThat(r.followUp()).isTrue());
    }

    @Test
    void judgeKeepsTheRepeatWithTheItemItRepeats() {
        StoredPost again = post(4, "mervenoyann", "FLUX.2 really is a good image model, try it", NOW, 300, axis(1));
        posts.add(mervePast, again);
        digests.told(PREVIOUS_END, "2025.11.26.12", "FLUX.2发布", List.of(1L));

        List<RankedStory> judged = guard.judge(
                List.of(ranked(again)),
                SLOT,
                dev.aidigest.digest.cluster.Centring.of(
                        List.of(again), new Background(new float[512], new float[512])));

        assertThat(judged).singleElement().satisfies(r -> {
            assertThat(r.decision().kind()).isEqualTo(FollowUp.Kind.REPEAT_DROPPED);
            assertThat(r.decision().earlier().slot()).isEqualTo("2025.11.26.12");
            assertThat(r.decision().earlier().headline()).isEqualTo("FLUX.2发布");
        });
    }
}
