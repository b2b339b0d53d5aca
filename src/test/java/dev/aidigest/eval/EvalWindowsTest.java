package dev.aidigest.eval;

import static dev.aidigest.eval.StoryScores.BCUBED_PRECISION;
import static dev.aidigest.eval.StoryScores.BCUBED_RECALL;
import static dev.aidigest.eval.StoryScores.FOLLOWUP_WITH_NEWS_KEPT;
import static dev.aidigest.eval.StoryScores.MULTI_AUTHOR_RECALL;
import static dev.aidigest.eval.StoryScores.MULTI_AUTHOR_RECALL_STRICT;
import static dev.aidigest.eval.StoryScores.NEAR_MISS_KEPT_APART;
import static dev.aidigest.eval.StoryScores.NOISE_KEPT_OUT;
import static dev.aidigest.eval.StoryScores.OUTSIDE_WINDOW_KEPT_OUT;
import static dev.aidigest.eval.StoryScores.PAIRWISE_F1;
import static dev.aidigest.eval.StoryScores.PAIRWISE_PRECISION;
import static dev.aidigest.eval.StoryScores.PAIRWISE_RECALL;
import static dev.aidigest.eval.StoryScores.REPEAT_NO_NEWS_DROPPED;
import static dev.aidigest.eval.StoryScores.STORY_EXACT_RECALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.eval.WindowRun.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The labelled evaluation windows, run once through the real import → digest path and shared by every
 * method: the harness itself is sound (every post imported, clusters disjoint, items among the
 * candidates) and the mean of each metric stays at or above its floor: today's value rounded down to
 * 0.05, a notch lower where one story more or less would cross it. The development windows and the
 * held-out ones ({@link EvalCorpus#HELD_OUT}, never tuned on) have floors of their own. Raise a floor
 * when the engine improves; a failure prints the table and the diagnosis of every window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalWindowsTest {

    /** Floors on the mean over the development windows, for the candidates after the repeat guard. */
    private static final Map<String, Double> CANDIDATE_FLOORS = floors(
            PAIRWISE_PRECISION, 0.99,
            PAIRWISE_RECALL, 0.95,
            PAIRWISE_F1, 0.95,
            BCUBED_PRECISION, 0.95,
            BCUBED_RECALL, 0.95,
            MULTI_AUTHOR_RECALL, 0.90,
            MULTI_AUTHOR_RECALL_STRICT, 0.90,
            STORY_EXACT_RECALL, 0.90,
            NOISE_KEPT_OUT, 0.95,
            OUTSIDE_WINDOW_KEPT_OUT, 1.00,
            FOLLOWUP_WITH_NEWS_KEPT, 1.00,
            REPEAT_NO_NEWS_DROPPED, 1.00,
            NEAR_MISS_KEPT_APART, 1.00);

    /** Floors on the mean over the development windows, for the digest's items. */
    private static final Map<String, Double> ITEM_FLOORS = floors(
            PAIRWISE_PRECISION, 0.99,
            PAIRWISE_RECALL, 0.90,
            PAIRWISE_F1, 0.90,
            BCUBED_PRECISION, 0.95,
            BCUBED_RECALL, 0.90,
            MULTI_AUTHOR_RECALL, 0.75,
            MULTI_AUTHOR_RECALL_STRICT, 0.75,
            STORY_EXACT_RECALL, 0.65,
            NOISE_KEPT_OUT, 1.00,
            OUTSIDE_WINDOW_KEPT_OUT, 1.00,
            FOLLOWUP_WITH_NEWS_KEPT, 1.00,
            REPEAT_NO_NEWS_DROPPED, 1.00,
            NEAR_MISS_KEPT_APART, 1.00);

    /** Floors on the mean over the held-out windows, for the candidates. */
    private static final Map<String, Double> HELD_OUT_CANDIDATE_FLOORS = floors(
            PAIRWISE_PRECISION, 0.90,
            PAIRWISE_RECALL, 0.85,
            PAIRWISE_F1, 0.85,
            BCUBED_PRECISION, 0.95,
            BCUBED_RECALL, 0.85,
            MULTI_AUTHOR_RECALL, 0.78,
            MULTI_AUTHOR_RECALL_STRICT, 0.78,
            STORY_EXACT_RECALL, 0.80,
            NOISE_KEPT_OUT, 0.90,
            OUTSIDE_WINDOW_KEPT_OUT, 1.00,
            FOLLOWUP_WITH_NEWS_KEPT, 1.00,
            REPEAT_NO_NEWS_DROPPED, 0.65,
            NEAR_MISS_KEPT_APART, 1.00);

    /** Floors on the mean over the held-out windows, for the digest's items. */
    private static final Map<String, Double> HELD_OUT_ITEM_FLOORS = floors(
            PAIRWISE_PRECISION, 0.90,
            PAIRWISE_RECALL, 0.80,
            PAIRWISE_F1, 0.80,
            BCUBED_PRECISION, 0.95,
            BCUBED_RECALL, 0.80,
            MULTI_AUTHOR_RECALL, 0.72,
            MULTI_AUTHOR_RECALL_STRICT, 0.72,
            STORY_EXACT_RECALL, 0.50,
            NOISE_KEPT_OUT, 0.95,
            OUTSIDE_WINDOW_KEPT_OUT, 1.00,
            FOLLOWUP_WITH_NEWS_KEPT, 1.00,
            REPEAT_NO_NEWS_DROPPED, 0.65,
            NEAR_MISS_KEPT_APART, 1.00);

    private List<WindowRun> runs;

    @BeforeAll
    void runWindows() {
        runs = EvalRuns.all();
    }

    @Test
    void everyPostOfBothFilesIsImportedAndTheWindowIsRead() {
        for (WindowRun r : runs) {
            assertThat(r.imported().read())
                    .as(r.window().slot())
                    .isEqualTo(r.filePosts().size());
            assertThat(r.imported().added())
                    .as(r.window().slot())
                    .isEqualTo(r.filePosts().size());
            assertThat(r.imported().previousAdded()).as(r.window().slot()).isPositive();
            assertThat(r.previous().items())
                    .as("the previous digest gives the repeat guard something to compare with")
                    .isNotEmpty();
            assertThat(r.inWindow().size())
                    .as("posts in the window = file posts minus those labelled outside it")
                    .isEqualTo(r.filePosts().size() - r.labels().outsideWindow().size());
        }
    }

    @Test
    void predictionsAreWellFormed() {
        for (WindowRun r : runs) {
            for (View view : View.values()) {
                StoryScores.Score s = r.score(view);
                assertThat(s.warnings()).as(r.window().slot() + " " + view).isEmpty();
                assertThat(s.count(StoryScores.UNKNOWN_IDS))
                        .as(r.window().slot() + " " + view)
                        .isZero();
            }
            Set<List<String>> candidates = new HashSet<>(r.clusters(View.CANDIDATES));
            assertThat(candidates).as("every item is one candidate story").containsAll(r.clusters(View.ITEMS));
        }
    }

    @Test
    void theDiagnosisNamesEveryMissedMultiAuthorStory() {
        for (WindowRun r : runs) {
            String text = Diagnosis.of(r);
            StoryScores.Score score = r.score(View.CANDIDATES);
            int multi = score.count("multi_author_stories");
            long missed = Math.round((1 - score.get(MULTI_AUTHOR_RECALL)) * multi);
            assertThat(text)
                    .as(r.window().slot() + ": the count agrees with the scores")
                    .contains("multi-author stories not recovered: " + missed + " of " + multi);
            List<List<String>> clusters = r.clusters(View.CANDIDATES);
            for (Labels.LabelledStory s : r.labels().stories().values()) {
                if (s.multiAuthor() && !recovered(s, clusters, r.labels())) {
                    assertThat(text).as(r.window().slot()).contains("[" + s.id() + "]");
                }
            }
        }
    }

    /** All of the story's posts in one cluster that holds no post of another labelled story. */
    private static boolean recovered(Labels.LabelledStory s, List<List<String>> clusters, Labels lab) {
        Map<String, String> storyOf = lab.storyOfPost();
        return clusters.stream().filter(c -> c.containsAll(s.posts())).anyMatch(c -> c.stream()
                .allMatch(id -> !storyOf.containsKey(id) || s.posts().contains(id)));
    }

    @Test
    void candidatesStayAboveTheirFloors() {
        holds(EvalCorpus.DEV, View.CANDIDATES, CANDIDATE_FLOORS);
        holds(EvalCorpus.HELD_OUT, View.CANDIDATES, HELD_OUT_CANDIDATE_FLOORS);
    }

    @Test
    void itemsStayAboveTheirFloors() {
        holds(EvalCorpus.DEV, View.ITEMS, ITEM_FLOORS);
        holds(EvalCorpus.HELD_OUT, View.ITEMS, HELD_OUT_ITEM_FLOORS);
    }

    private void holds(List<String> slots, View view, Map<String, Double> floors) {
        Map<String, Double> mean = EvalTable.mean(EvalTable.group(runs, slots), view);
        List<String> below = new ArrayList<>();
        floors.forEach((metric, floor) -> {
            if (mean.get(metric) < floor - 1e-9) {
                below.add(String.format(
                        Locale.ROOT, "%s %s %s: mean %.4f < floor %.2f", slots, view, metric, mean.get(metric), floor));
            }
        });
        assertThat(below)
                .withFailMessage(() -> "below the floor:\n  " + String.join("\n  ", below) + "\n\n" + EvalTable.of(runs)
                        + "\n"
                        + String.join("\n", runs.stream().map(Diagnosis::of).toList()))
                .isEmpty();
    }

    private static Map<String, Double> floors(Object... pairs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return out;
    }
}
