package dev.aidigest.digest.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.FakeDigests;
import dev.aidigest.digest.FakePosts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.Centring;
import dev.aidigest.llm.BgeEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repeat guard on the three labelled windows of {@code src/test/resources/eval/}: the previous
 * window's digest is built first (its labelled stories ranked and picked, then stored as earlier
 * items), then the evaluated window's labelled stories go through the guard. Every story labelled
 * as a follow-up with news must be kept and marked as continuing its previous story, every retelling
 * without news dropped as a repeat of the story it retells, and every other story kept unmarked.
 */
class RepeatGuardEvalTest {

    private static final Logger log = LoggerFactory.getLogger(RepeatGuardEvalTest.class);
    private static final Map<String, EvalWindows> windows = new LinkedHashMap<>();
    /** Slot → story label → the guard's decision. */
    private static final Map<String, Map<String, FollowUp>> decisions = new LinkedHashMap<>();
    /** Slot → previous story label → the headline it was stored under. */
    private static final Map<String, Map<String, String>> headlines = new LinkedHashMap<>();

    @BeforeAll
    static void buildThePreviousDigestThenJudgeTheEvaluatedWindow() {
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        AppConfig config = loader.app();
        SourcesConfig sources = loader.sources();
        try (BgeEmbedder embedder = new BgeEmbedder()) {
            for (String slot : EvalWindows.SLOTS) {
                EvalWindows w = EvalWindows.load(slot, embedder);
                windows.put(slot, w);
                FakePosts posts = new FakePosts().add(w.posts().toArray(StoredPost[]::new));
                FakeDigests digests = new FakeDigests();
                StoryRanker ranker = new StoryRanker(config.ranking(), config.digest(), sources.weights());
                RepeatGuard guard =
                        new RepeatGuard(posts, digests, config.digest(), Entities.standard(), Background.bgeSmallZh());

                Map<String, String> told = new LinkedHashMap<>();
                List<RankedStory> before = guard.apply(
                        rank(ranker, w.previous().values(), w.previousSlot()), w.previousSlot(), Integer.MAX_VALUE);
                for (RankedStory r : ranker.pick(before)) {
                    String label = labelOf(w.previous(), r.story());
                    told.put(label, label);
                    digests.told(w.previousSlot().windowEnd(), w.previousSlot().name(), label, ids(r.story()));
                }
                headlines.put(slot, told);

                List<StoredPost> window = new ArrayList<>();
                w.stories().values().forEach(s -> window.addAll(s.posts()));
                Map<String, FollowUp> decided = new LinkedHashMap<>();
                for (RankedStory r : guard.judge(
                        rank(ranker, w.stories().values(), w.slot()),
                        w.slot(),
                        Centring.of(window, Background.bgeSmallZh()))) {
                    decided.put(labelOf(w.stories(), r.story()), r.decision());
                }
                decisions.put(slot, decided);
                log.info("{}: {}", slot, score(w, decided));
                decided.forEach((label, d) -> {
                    if (d.kind() != FollowUp.Kind.NEW) {
                        log.info("  {}: {}", label, d.explain());
                    }
                });
            }
        }
    }

    static List<String> slots() {
        return EvalWindows.SLOTS;
    }

    @ParameterizedTest
    @MethodSource("slots")
    void keepsAndMarksEveryFollowUpWithNewsAsContinuingItsPreviousStory(String slot) {
        EvalWindows w = windows.get(slot);
        assertThat(w.followUps()).isNotEmpty();
        w.followUps().forEach((story, previous) -> {
            FollowUp d = decisions.get(slot).get(story);
            assertThat(d.kind()).as("%s %s: %s", slot, story, d.explain()).isEqualTo(FollowUp.Kind.FOLLOW_UP);
            assertThat(d.earlier().headline())
                    .as("%s %s continues", slot, story)
                    .isEqualTo(previous);
            assertThat(d.news()).isNotEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("slots")
    void dropsEveryRetellingWithoutNewsAsARepeatOfTheStoryItRetells(String slot) {
        Map<String, FollowUp> decided = decisions.get(slot);
        List<String> repeats = decided.keySet().stream()
                .filter(l -> l.startsWith(EvalWindows.REPEAT))
                .toList();
        assertThat(repeats).isNotEmpty();
        for (String label : repeats) {
            FollowUp d = decided.get(label);
            assertThat(d.kind()).as("%s %s: %s", slot, label, d.explain()).isEqualTo(FollowUp.Kind.REPEAT_DROPPED);
            assertThat(d.earlier().headline()).isEqualTo(label.substring(EvalWindows.REPEAT.length()));
        }
    }

    @ParameterizedTest
    @MethodSource("slots")
    void keepsEveryOtherStoryUnmarked(String slot) {
        EvalWindows w = windows.get(slot);
        decisions.get(slot).forEach((label, d) -> {
            if (!w.followUps().containsKey(label) && !label.startsWith(EvalWindows.REPEAT)) {
                assertThat(d.kind()).as("%s %s: %s", slot, label, d.explain()).isEqualTo(FollowUp.Kind.NEW);
            }
        });
        assertThat(headlines.get(slot))
                .as("the previous digest told every previous story")
                .hasSameSizeAs(w.previous());
    }

    /** The counts the report gives, per window. */
    static String score(EvalWindows w, Map<String, FollowUp> decided) {
        int followUps = 0;
        int kept = 0;
        int marked = 0;
        int repeats = 0;
        int dropped = 0;
        int falseFollowUps = 0;
        int wronglyDropped = 0;
        for (Map.Entry<String, FollowUp> e : decided.entrySet()) {
            FollowUp d = e.getValue();
            if (w.followUps().containsKey(e.getKey())) {
                followUps++;
                kept += d.dropped() ? 0 : 1;
                marked += d.isFollowUp() ? 1 : 0;
            } else if (e.getKey().startsWith(EvalWindows.REPEAT)) {
                repeats++;
                dropped += d.dropped() ? 1 : 0;
            } else {
                falseFollowUps += d.isFollowUp() ? 1 : 0;
                wronglyDropped += d.dropped() ? 1 : 0;
            }
        }
        return String.format(
                "follow-ups kept %d/%d, marked %d/%d; repeats dropped %d/%d; false follow-ups %d; wrongly dropped %d",
                kept, followUps, marked, followUps, dropped, repeats, falseFollowUps, wronglyDropped);
    }

    private static List<RankedStory> rank(StoryRanker ranker, Collection<Story> stories, Slot slot) {
        return ranker.rank(new ArrayList<>(stories), Map.of(), slot.windowStart(), slot.windowEnd());
    }

    private static String labelOf(Map<String, Story> stories, Story story) {
        return stories.entrySet().stream()
                .filter(e -> e.getValue().equals(story))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static List<Long> ids(Story story) {
        return story.posts().stream().map(StoredPost::id).toList();
    }
}
