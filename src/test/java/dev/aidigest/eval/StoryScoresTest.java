package dev.aidigest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoryScores} against the corpus's own {@code score.py}: the same predictions scored by both
 * must give the same metrics (to 1e-9), counts and warnings. The predictions are score.py's self-test
 * trio (perfect, a split, an over-merge), awkward ones (unknown ids, a post in two clusters, a post both
 * kept and dropped, nothing kept, random clusters) and the engine's real prediction of every window. The
 * Python comparison is skipped when python3 is not on the PATH; the behaviour checks are not.
 */
class StoryScoresTest {

    private static final ObjectMapper JSON = Jackson.json();

    @TempDir
    Path tmp;

    @Test
    void perfectPredictionScoresOneEverywhere() {
        for (String slot : EvalCorpus.SLOTS) {
            Labels lab = EvalCorpus.labels(slot);
            StoryScores.Score s = StoryScores.score(perfect(lab), lab);
            assertThat(s.metrics())
                    .as(slot)
                    .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1.0));
            assertThat(s.warnings()).isEmpty();
            assertThat(s.count(StoryScores.UNKNOWN_IDS)).isZero();
        }
    }

    @Test
    void splitLowersRecallNotPrecision() {
        Labels lab = EvalCorpus.labels(EvalCorpus.SLOTS.get(0));
        StoryScores.Score s = StoryScores.score(split(lab), lab);
        assertThat(s.get(StoryScores.PAIRWISE_PRECISION)).isEqualTo(1.0);
        assertThat(s.get(StoryScores.PAIRWISE_RECALL)).isLessThan(1.0);
        assertThat(s.get(StoryScores.MULTI_AUTHOR_RECALL)).isLessThan(1.0);
        assertThat(s.get(StoryScores.BCUBED_PRECISION)).isEqualTo(1.0);
    }

    @Test
    void overMergeLowersPrecisionNoiseAndNearMisses() {
        Labels lab = EvalCorpus.labels(EvalCorpus.SLOTS.get(0));
        StoryScores.Score s = StoryScores.score(overMerge(lab), lab);
        assertThat(s.get(StoryScores.PAIRWISE_PRECISION)).isLessThan(1.0);
        assertThat(s.get(StoryScores.PAIRWISE_RECALL)).isEqualTo(1.0);
        assertThat(s.get(StoryScores.NEAR_MISS_KEPT_APART)).isLessThan(1.0);
        assertThat(s.get(StoryScores.NOISE_KEPT_OUT)).isLessThan(1.0);
        assertThat(s.get(StoryScores.MULTI_AUTHOR_RECALL)).isLessThan(1.0);
    }

    @Test
    void awkwardIdsAreCountedAndWarned() {
        Labels lab = EvalCorpus.labels(EvalCorpus.SLOTS.get(0));
        StoryScores.Score s = StoryScores.score(awkward(lab), lab);
        assertThat(s.count(StoryScores.UNKNOWN_IDS)).isEqualTo(2);
        assertThat(s.warnings())
                .anyMatch(w -> w.contains("more than one cluster"))
                .anyMatch(w -> w.contains("both in a cluster and dropped"));
    }

    @Test
    void agreesWithScorePyOnMadeUpPredictions() throws Exception {
        assumePython();
        for (String slot : EvalCorpus.SLOTS) {
            Labels lab = EvalCorpus.labels(slot);
            Map<String, Prediction> preds = new LinkedHashMap<>();
            preds.put("perfect", perfect(lab));
            preds.put("split", split(lab));
            preds.put("over-merge", overMerge(lab));
            preds.put("awkward", awkward(lab));
            preds.put("nothing kept", new Prediction(List.of(), List.of()));
            for (int seed = 1; seed <= 3; seed++) {
                preds.put("random " + seed, random(lab, seed));
            }
            for (Map.Entry<String, Prediction> e : preds.entrySet()) {
                agree(slot + " " + e.getKey(), e.getValue(), slot);
            }
        }
    }

    @Test
    void agreesWithScorePyOnTheEnginesPredictions() throws Exception {
        assumePython();
        for (WindowRun run : EvalRuns.all()) {
            for (WindowRun.View view : WindowRun.View.values()) {
                agree(
                        run.window().slot() + " " + view,
                        run.prediction(view),
                        run.window().slot());
            }
        }
    }

    private void agree(String what, Prediction pred, String slot) throws Exception {
        Path file = pred.write(tmp.resolve("prediction.json"));
        JsonNode py = scorePy(file, EvalCorpus.path("labels-" + slot + ".json"));
        StoryScores.Score java = StoryScores.score(pred, EvalCorpus.labels(slot));
        List<String> pyMetrics = new ArrayList<>();
        py.path("metrics").fieldNames().forEachRemaining(pyMetrics::add);
        assertThat(java.metrics().keySet()).as(what + ": metric names").containsExactlyElementsOf(pyMetrics);
        java.metrics().forEach((k, v) -> assertThat(v)
                .as(what + ": " + k)
                .isCloseTo(py.path("metrics").path(k).asDouble(), within(1e-9)));
        Map<String, Integer> pyCounts = new LinkedHashMap<>();
        py.path("counts")
                .properties()
                .forEach(e -> pyCounts.put(e.getKey(), e.getValue().asInt()));
        assertThat(java.counts()).as(what + ": counts").containsExactlyEntriesOf(pyCounts);
        List<String> pyWarnings = new ArrayList<>();
        py.path("warnings").forEach(w -> pyWarnings.add(w.asText()));
        assertThat(java.warnings()).as(what + ": warnings").containsExactlyElementsOf(pyWarnings);
    }

    private JsonNode scorePy(Path prediction, Path labels) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "python3",
                        EvalCorpus.path("score.py").toString(),
                        prediction.toString(),
                        labels.toString(),
                        "--json")
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return JSON.readTree(text);
    }

    private static void assumePython() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                found = true;
                break;
            }
        }
        Assumptions.assumeTrue(found, "python3 is not on the PATH: the comparison with score.py is skipped");
    }

    /** score.py's self-test: every story its own cluster, everything else dropped. */
    static Prediction perfect(Labels lab) {
        List<List<String>> clusters = new ArrayList<>();
        lab.stories().values().forEach(s -> clusters.add(s.posts()));
        return new Prediction(clusters, dropAll(lab));
    }

    /** score.py's self-test: the largest multi-author story cut in two. */
    static Prediction split(Labels lab) {
        Labels.LabelledStory big = null;
        for (Labels.LabelledStory s : lab.stories().values()) {
            if (s.multiAuthor()
                    && (big == null || s.posts().size() > big.posts().size())) {
                big = s;
            }
        }
        List<String> posts = big.posts();
        List<List<String>> clusters = new ArrayList<>(perfect(lab).clusters());
        clusters.remove(posts);
        clusters.add(posts.subList(0, posts.size() / 2));
        clusters.add(posts.subList(posts.size() / 2, posts.size()));
        return new Prediction(clusters, dropAll(lab));
    }

    /** score.py's self-test: the first near-miss pair of two stories in one cluster, with a noise post. */
    static Prediction overMerge(Labels lab) {
        Labels.NearMiss nm = lab.nearMisses().stream()
                .filter(n -> lab.stories().containsKey(n.a()) && lab.stories().containsKey(n.b()))
                .findFirst()
                .orElseThrow();
        List<String> pa = lab.stories().get(nm.a()).posts();
        List<String> pb = lab.stories().get(nm.b()).posts();
        String noise = lab.noise().keySet().iterator().next();
        List<List<String>> clusters = new ArrayList<>(perfect(lab).clusters());
        clusters.removeIf(c -> c.equals(pa) || c.equals(pb));
        List<String> merged = new ArrayList<>(pa);
        merged.addAll(pb);
        merged.add(noise);
        clusters.add(merged);
        List<String> dropped = new ArrayList<>(dropAll(lab));
        dropped.remove(noise);
        return new Prediction(clusters, dropped);
    }

    /** Unknown ids in a cluster and among the dropped, a post in two clusters, a post kept and dropped. */
    static Prediction awkward(Labels lab) {
        List<List<String>> clusters = new ArrayList<>(perfect(lab).clusters());
        List<String> first = new ArrayList<>(clusters.get(0));
        first.add("1");
        first.add(first.get(0));
        clusters.set(0, first);
        clusters.add(
                List.of(clusters.get(1).get(0), lab.noise().keySet().iterator().next()));
        clusters.add(List.of("2"));
        List<String> dropped = new ArrayList<>(dropAll(lab));
        dropped.add(clusters.get(2).get(0));
        dropped.add("2");
        return new Prediction(clusters, dropped);
    }

    /** Every known post, shuffled into clusters of 1–6 or dropped. */
    static Prediction random(Labels lab, long seed) {
        Random rnd = new Random(seed);
        List<String> ids = new ArrayList<>(lab.storyOfPost().keySet());
        ids.addAll(dropAll(lab));
        Collections.shuffle(ids, rnd);
        List<List<String>> clusters = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int i = 0;
        while (i < ids.size()) {
            int n = 1 + rnd.nextInt(6);
            List<String> c = ids.subList(i, Math.min(ids.size(), i + n));
            if (rnd.nextInt(5) == 0) {
                dropped.addAll(c);
            } else {
                clusters.add(c);
            }
            i += n;
        }
        return new Prediction(clusters, dropped);
    }

    private static List<String> dropAll(Labels lab) {
        List<String> out = new ArrayList<>(lab.noise().keySet());
        out.addAll(lab.outsideWindow());
        out.addAll(lab.repeatNoNews());
        return out;
    }
}
