package dev.aidigest.digest;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static dev.aidigest.digest.TestPosts.withReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.ingest.Post;
import dev.aidigest.llm.BgeEmbedder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DigestBuilderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Slot SLOT = Slot.parse("2025.11.26.16", SHANGHAI);
    private static final Instant MADE = SLOT.windowEnd().plusSeconds(393);
    private static LabelledSet labelled;
    private static AppConfig config;
    private static SourcesConfig sources;

    private final FakePosts posts = new FakePosts();
    private final FakeDigests digests = new FakeDigests();
    private final FakeSummarizer summarizer = new FakeSummarizer();

    @BeforeAll
    static void loadOnce() {
        labelled = LabelledSet.load("/clustering/labelled_posts.jsonl", SLOT.windowStart(), new BgeEmbedder());
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        config = loader.app();
        sources = loader.sources();
    }

    private DigestBuilder builder() {
        return DigestBuilder.create(posts, digests, summarizer, config, sources, Path.of("config"));
    }

    /** The labelled window plus chatter, a retweet, and posts just outside the window. */
    private void busyWindow() {
        posts.add(labelled.posts().toArray(StoredPost[]::new));
        Instant mid = SLOT.windowStart().plus(Duration.ofHours(2));
        posts.add(post(101, "foodie", "周末去吃了一家超好吃的火锅，强烈推荐", mid, 50, axis(3)));
        posts.add(withReference(
                post(102, "dotey", "RT: FLUX.2 is out!", mid, 0, axis(4)),
                new Post.Reference("retweeted", "1", "mervenoyann"),
                "102"));
        posts.add(post(
                103,
                "sama",
                "GPT-6 is out (from the previous window)",
                SLOT.windowStart().minusMillis(1),
                90000,
                axis(5)));
        posts.add(post(104, "sama", "GPT-7 is out (from the next window)", SLOT.windowEnd(), 90000, axis(6)));
        posts.returnEverything = true;
    }

    @Test
    void buildsAtMostMaxItemsFromTheWindowOnlyEachPostOnce() {
        busyWindow();

        Digest d = builder().build(SLOT, MADE);

        assertThat(d.items()).hasSize(config.digest().maxItems());
        assertThat(d.items())
                .extracting(DigestItem::position)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, d.items().size())
                                .boxed()
                                .toList());
        List<Long> ids = new ArrayList<>();
        d.items().forEach(i -> ids.addAll(i.postIds()));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(101L, 102L, 103L, 104L);
        assertThat(d.postsRead())
                .as("65 labelled + chatter + retweet, not the two outside")
                .isEqualTo(67);
        Set<String> handles = new HashSet<>();
        labelled.posts().forEach(p -> handles.add(p.post().authorHandle().toLowerCase()));
        assertThat(d.accountsRead()).isEqualTo(handles.size() + 1);
    }

    @Test
    void summarizesOnceInRankOrderAndCarriesWhatTheSummarizerSaid() {
        busyWindow();

        Digest d = builder().build(SLOT, MADE);

        assertThat(summarizer.calls).hasSize(1);
        assertThat(summarizer.calls.get(0))
                .extracting(Story::key)
                .containsExactlyElementsOf(
                        d.items().stream().map(DigestItem::storyKey).toList());
        assertThat(d.items()).extracting(DigestItem::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(d.categories()).containsExactly("AI模型", "AI应用", "行业洞察");
        assertThat(d.usage().calls()).isEqualTo(1);
        assertThat(d.engine()).isEqualTo("offline");
        assertThat(d.items()).allSatisfy(i -> assertThat(i.offline()).isTrue());
        assertThat(d.madeAt()).isEqualTo(MADE.atZone(SHANGHAI));
    }

    @Test
    void creditsEveryAuthorOfAStoryAndLinksItsLeadPost() {
        busyWindow();

        Digest d = builder().build(SLOT, MADE);

        DigestItem flux = d.items().stream()
                .filter(i -> i.postIds().contains(4L))
                .findFirst()
                .orElseThrow();
        assertThat(flux.authors()).first().isEqualTo("Black Forest Labs");
        assertThat(flux.authors()).containsExactlyInAnyOrder("Black Forest Labs", "merve", "歸藏(guizang.ai)", "clem 🤗");
        assertThat(flux.url()).isEqualTo(labelled.posts().get(3).post().url());
        assertThat(flux.followUp()).isFalse();
    }

    @Test
    void anEmptyWindowGivesADigestWithoutItemsAndNoLlmCall() {
        posts.add(post(1, "foodie", "Good morning ☀️", SLOT.windowStart().plusSeconds(60), 5, axis(1)));

        Digest d = builder().build(SLOT, MADE);

        assertThat(d.items()).isEmpty();
        assertThat(d.postsRead()).isEqualTo(1);
        assertThat(summarizer.calls).isEmpty();
        assertThat(d.usage()).isEqualTo(LlmUsage.NONE);
    }

    @Test
    void marksAFollowUpHeadline() {
        Instant earlier = SLOT.windowStart().minus(Duration.ofHours(2));
        posts.add(
                post(1, "mervenoyann", "FLUX.2 is out: new image generation and editing model", earlier, 800, axis(1)));
        posts.add(post(
                2,
                "ClementDelangue",
                "FLUX.2 [dev] is already #1 trending on Hugging Face",
                SLOT.windowStart().plusSeconds(600),
                900,
                axis(1)));
        digests.told(SLOT.windowStart(), "2025.11.26.12", "FLUX.2发布", List.of(1L));

        Digest d = builder().build(SLOT, MADE);

        assertThat(d.items()).singleElement().satisfies(i -> {
            assertThat(i.followUp()).isTrue();
            assertThat(i.headline()).startsWith(DigestBuilder.FOLLOW_UP_PREFIX + "FLUX.2 [dev]");
            assertThat(i.postIds()).containsExactly(2L);
        });
    }

    @Test
    void tellsTheSummarizerWhatIsNewAndReportsTheRepeatItLeftOut() {
        Instant earlier = SLOT.windowStart().minus(Duration.ofHours(2));
        posts.add(post(1, "runwayml", "Runway Gen-4.5 is here, rolling out over the week.", earlier, 800, axis(1)));
        posts.add(post(
                2,
                "op7418",
                "Runway Gen-4.5 今天对所有付费用户开放了，每秒 25 credits。",
                SLOT.windowStart().plusSeconds(600),
                900,
                axis(1)));
        digests.told(SLOT.windowStart(), "2025.11.26.12", "Runway Gen-4.5发布", List.of(1L));
        posts.add(post(3, "mervenoyann", "Kosmos ran for 12 hours and read 1,500 papers.", earlier, 800, axis(2)));
        Slot next = Slot.parse("2025.11.26.20", SHANGHAI);
        posts.add(post(
                4,
                "_akhaliq",
                "Kosmos ran for 12 hours and read 1,500 papers!",
                next.windowStart().plusSeconds(600),
                700,
                axis(2)));
        digests.told(SLOT.windowStart(), "2025.11.26.12", "Kosmos", List.of(3L));

        DigestBuilder.Build followUp = builder().buildWithReport(SLOT, MADE);
        DigestBuilder.Build repeat =
                builder().buildWithReport(next, next.windowEnd().plusSeconds(60));

        assertThat(summarizer.briefs).singleElement().satisfies(call -> assertThat(call)
                .singleElement()
                .satisfies(b -> assertThat(b.whatIsNew()).anyMatch(c -> c.contains("所有付费用户"))));
        assertThat(followUp.digest().items()).singleElement().satisfies(i -> assertThat(i.headline())
                .startsWith(DigestBuilder.FOLLOW_UP_PREFIX));
        assertThat(followUp.candidates())
                .singleElement()
                .satisfies(r -> assertThat(r.decision().earlier().headline()).isEqualTo("Runway Gen-4.5发布"));
        assertThat(repeat.digest().items()).isEmpty();
        assertThat(repeat.repeats()).singleElement().satisfies(r -> {
            assertThat(r.story().posts()).extracting(StoredPost::id).containsExactly(4L);
            assertThat(r.decision().explain()).startsWith("left out: repeats 2025.11.26.12 \"Kosmos\"");
        });
    }

    @Test
    void refusesASummarizerThatLosesAStory() {
        busyWindow();
        summarizer.dropLast = 1;

        assertThatThrownBy(() -> builder().build(SLOT, MADE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 summaries for 17 stories");
    }
}
