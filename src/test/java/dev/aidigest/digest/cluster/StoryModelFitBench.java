package dev.aidigest.digest.cluster;

import dev.aidigest.config.AppConfig.ClusterConfig;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.llm.BgeEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fits the story model ({@code config/story-model.yml}) from the labelled windows
 * ({@link LabelledWindows}) and prints how the clusterer does with it: per corpus held out (fitted
 * on the other two, scored on it) and fitted on all. Deterministic: the same data gives the same
 * weights. {@code mvn -B -Pbench test -Dtest=StoryModelFitBench} prints; add {@code -Dfit.write=true}
 * to write {@code config/story-model.yml}.
 */
class StoryModelFitBench {

    static final double L2 = 0.1;
    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
    static final ClusterConfig CONFIG = new ClusterConfig(12);

    record Pair(double[] x, boolean same) {}

    @Test
    void fit() throws IOException {
        List<LabelledWindows> windows;
        try (BgeEmbedder embedder = new BgeEmbedder()) {
            windows = LabelledWindows.all(embedder);
        }
        Map<LabelledWindows, List<Pair>> pairs = new LinkedHashMap<>();
        windows.forEach(w -> pairs.put(w, pairs(w)));
        System.out.printf(
                "%d windows, %d labelled posts, %d pairs (%d same story)%n",
                windows.size(),
                windows.stream().mapToInt(w -> w.posts().size()).sum(),
                pairs.values().stream().mapToInt(List::size).sum(),
                pairs.values().stream().flatMap(List::stream).filter(Pair::same).count());

        System.out.println("\nheld out (fitted on the other corpora):");
        for (String corpus : List.of("eval", "sample", "sets")) {
            List<LabelledWindows> train =
                    windows.stream().filter(w -> !w.corpus().equals(corpus)).toList();
            List<LabelledWindows> test =
                    windows.stream().filter(w -> w.corpus().equals(corpus)).toList();
            StoryModel m = fit(train, pairs);
            System.out.printf("  %-6s %s%n", corpus, score(test, m));
        }
        StoryModel model = fit(windows, pairs);
        System.out.println("\nfitted on all:");
        for (String corpus : List.of("eval", "sample", "sets")) {
            System.out.printf(
                    "  %-6s %s%n",
                    corpus,
                    score(
                            windows.stream()
                                    .filter(w -> w.corpus().equals(corpus))
                                    .toList(),
                            model));
        }
        if (Boolean.getBoolean("fit.diagnose")) {
            diagnose(windows, model);
        }
        String yaml = yaml(model, windows, pairs);
        System.out.println("\n" + yaml);
        if (Boolean.getBoolean("fit.write")) {
            Files.writeString(Path.of("config/story-model.yml"), yaml);
            System.out.println("wrote config/story-model.yml");
        }
    }

    /** Every pair of units of a window with its evidence and whether the labels put them in one story. */
    static List<Pair> pairs(LabelledWindows w) {
        StoryClusterer c = clusterer(StoryModel.bundled());
        StoryClusterer.Window win = c.window(w.posts(), c.centring(w.posts()));
        List<Pair> out = new ArrayList<>();
        List<ThreadUnit> units = win.units();
        for (int i = 0; i < units.size(); i++) {
            for (int j = i + 1; j < units.size(); j++) {
                String a = w.storyOf().get(units.get(i).posts().get(0).id());
                String b = w.storyOf().get(units.get(j).posts().get(0).id());
                out.add(new Pair(win.scorer().evidence(i, j).features(), a.equals(b)));
            }
        }
        return out;
    }

    static StoryClusterer clusterer(StoryModel model) {
        return new StoryClusterer(CONFIG, Entities.standard(), Background.bgeSmallZh(), model);
    }

    /** Logistic regression by Newton's method with a small L2 penalty, then the threshold that clusters best. */
    static StoryModel fit(List<LabelledWindows> train, Map<LabelledWindows, List<Pair>> pairs) {
        List<Pair> data = new ArrayList<>();
        train.forEach(w -> data.addAll(pairs.get(w)));
        int d = PairEvidence.FEATURES.size() + 1;
        double[] beta = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (Pair p : data) {
                double[] x = withBias(p.x());
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += beta[k] * x[k];
                }
                double mu = 1 / (1 + Math.exp(-z));
                double y = p.same() ? 1 : 0;
                double wgt = mu * (1 - mu);
                for (int k = 0; k < d; k++) {
                    grad[k] += (mu - y) * x[k];
                    for (int l = 0; l < d; l++) {
                        hess[k][l] += wgt * x[k] * x[l];
                    }
                }
            }
            for (int k = 1; k < d; k++) {
                grad[k] += L2 * beta[k];
                hess[k][k] += L2;
            }
            double[] step = solve(hess, grad);
            double size = 0;
            for (int k = 0; k < d; k++) {
                beta[k] -= step[k];
                size = Math.max(size, Math.abs(step[k]));
            }
            if (size < 1e-9) {
                break;
            }
        }
        double[] w = new double[d - 1];
        System.arraycopy(beta, 1, w, 0, d - 1);
        double bestF1 = -1;
        StoryModel best = null;
        for (double t : THRESHOLDS) {
            StoryModel m = new StoryModel(beta[0], w, t);
            double f1 = mean(train, m).f1();
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = m;
            }
        }
        return best;
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    /** Gaussian elimination with partial pivoting: a is small and positive definite. */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** Pairwise and story-level scores of the clusterer with {@code model} on labelled windows. */
    record Scores(int tp, int fp, int fn, int multi, int multiRight, int stories, int storiesRight) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Scores plus(Scores o) {
            return new Scores(
                    tp + o.tp,
                    fp + o.fp,
                    fn + o.fn,
                    multi + o.multi,
                    multiRight + o.multiRight,
                    stories + o.stories,
                    storiesRight + o.storiesRight);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "pairwise P %.3f R %.3f F1 %.3f | multi-author stories %d/%d | stories exact %d/%d",
                    precision(),
                    recall(),
                    f1(),
                    multiRight,
                    multi,
                    storiesRight,
                    stories);
        }
    }

    static Scores mean(List<LabelledWindows> windows, StoryModel model) {
        return score(windows, model);
    }

    static Scores score(List<LabelledWindows> windows, StoryModel model) {
        Scores total = new Scores(0, 0, 0, 0, 0, 0, 0);
        StoryClusterer c = clusterer(model);
        for (LabelledWindows w : windows) {
            total = total.plus(score(w, c.cluster(w.posts())));
        }
        return total;
    }

    static Scores score(LabelledWindows w, List<Story> stories) {
        Map<Long, Integer> clusterOf = new HashMap<>();
        for (int s = 0; s < stories.size(); s++) {
            for (StoredPost p : stories.get(s).posts()) {
                clusterOf.put(p.id(), s);
            }
        }
        List<StoredPost> posts = w.posts();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < posts.size(); i++) {
            for (int j = i + 1; j < posts.size(); j++) {
                boolean same = w.storyOf()
                        .get(posts.get(i).id())
                        .equals(w.storyOf().get(posts.get(j).id()));
                boolean together = clusterOf
                        .get(posts.get(i).id())
                        .equals(clusterOf.get(posts.get(j).id()));
                tp += same && together ? 1 : 0;
                fp += !same && together ? 1 : 0;
                fn += same && !together ? 1 : 0;
            }
        }
        Map<String, Set<Integer>> clustersOf = new HashMap<>();
        Map<String, Set<String>> authorsOf = new HashMap<>();
        Map<Integer, Set<String>> labelsIn = new HashMap<>();
        for (StoredPost p : posts) {
            String story = w.storyOf().get(p.id());
            clustersOf.computeIfAbsent(story, k -> new HashSet<>()).add(clusterOf.get(p.id()));
            authorsOf.computeIfAbsent(story, k -> new HashSet<>()).add(p.post().authorHandle());
            labelsIn.computeIfAbsent(clusterOf.get(p.id()), k -> new HashSet<>())
                    .add(story);
        }
        int multi = 0;
        int multiRight = 0;
        int right = 0;
        for (Map.Entry<String, Set<Integer>> e : clustersOf.entrySet()) {
            boolean exact = e.getValue().size() == 1
                    && labelsIn.get(e.getValue().iterator().next()).size() == 1;
            right += exact ? 1 : 0;
            if (authorsOf.get(e.getKey()).size() > 1) {
                multi++;
                multiRight += exact ? 1 : 0;
            }
        }
        return new Scores(tp, fp, fn, multi, multiRight, clustersOf.size(), right);
    }

    /** Prints each window's mixed and split stories with a few words of each post. */
    static void diagnose(List<LabelledWindows> windows, StoryModel model) {
        StoryClusterer c = clusterer(model);
        for (LabelledWindows w : windows) {
            List<Story> stories = c.cluster(w.posts());
            Map<String, Set<Integer>> clustersOf = new HashMap<>();
            for (int s = 0; s < stories.size(); s++) {
                Set<String> labels = new HashSet<>();
                for (StoredPost p : stories.get(s).posts()) {
                    labels.add(w.storyOf().get(p.id()));
                    clustersOf
                            .computeIfAbsent(w.storyOf().get(p.id()), k -> new HashSet<>())
                            .add(s);
                }
                if (labels.size() > 1) {
                    System.out.printf("%s/%s MIXED %s%n", w.corpus(), w.name(), labels);
                    stories.get(s)
                            .posts()
                            .forEach(p -> System.out.printf(
                                    "     %-22s %s%n", w.storyOf().get(p.id()), snippet(p)));
                    printClosestWithin(w, c, stories.get(s), model);
                }
            }
            clustersOf.forEach((label, cs) -> {
                if (cs.size() > 1) {
                    System.out.printf("%s/%s SPLIT %s into %d%n", w.corpus(), w.name(), label, cs.size());
                    for (int s : cs) {
                        stories.get(s).posts().stream()
                                .filter(p -> label.equals(w.storyOf().get(p.id())))
                                .forEach(p -> System.out.printf("     [%d] %s%n", s, snippet(p)));
                    }
                    printClosestAcross(w, c, label, model);
                }
            });
        }
    }

    /** The most probable pair of units of one story that the clusterer left in different stories. */
    private static void printClosestAcross(LabelledWindows w, StoryClusterer c, String label, StoryModel model) {
        Map<Long, Integer> storyOf = new HashMap<>();
        List<Story> stories = c.cluster(w.posts());
        for (int s = 0; s < stories.size(); s++) {
            for (StoredPost p : stories.get(s).posts()) {
                storyOf.put(p.id(), s);
            }
        }
        printClosest(
                w,
                c,
                model,
                "closest across",
                (a, b) -> label.equals(w.storyOf().get(a))
                        && label.equals(w.storyOf().get(b))
                        && !storyOf.get(a).equals(storyOf.get(b)));
    }

    /** The most probable pair of units of two different labelled stories inside one cluster. */
    private static void printClosestWithin(LabelledWindows w, StoryClusterer c, Story story, StoryModel model) {
        Set<Long> inStory = new HashSet<>();
        story.posts().forEach(p -> inStory.add(p.id()));
        printClosest(
                w,
                c,
                model,
                "closest within",
                (a, b) -> inStory.contains(a)
                        && inStory.contains(b)
                        && !w.storyOf().get(a).equals(w.storyOf().get(b)));
    }

    /** Prints the most probable pair of units (by their first posts' ids) that {@code which} accepts. */
    private static void printClosest(
            LabelledWindows w,
            StoryClusterer c,
            StoryModel model,
            String what,
            java.util.function.BiPredicate<Long, Long> which) {
        StoryClusterer.Window win = c.window(w.posts(), c.centring(w.posts()));
        List<ThreadUnit> units = win.units();
        double best = -1;
        String line = null;
        for (int i = 0; i < units.size(); i++) {
            for (int j = i + 1; j < units.size(); j++) {
                if (!which.test(
                        units.get(i).posts().get(0).id(),
                        units.get(j).posts().get(0).id())) {
                    continue;
                }
                PairEvidence e = win.scorer().evidence(i, j);
                double p = model.probability(e);
                if (p > best) {
                    best = p;
                    line = String.format(
                            Locale.ROOT,
                            "     %s: p %.3f @%s ~ @%s: %s",
                            what,
                            p,
                            units.get(i).posts().get(0).post().authorHandle(),
                            units.get(j).posts().get(0).post().authorHandle(),
                            e.describe());
                }
            }
        }
        if (line != null) {
            System.out.println(line);
        }
    }

    private static String snippet(StoredPost p) {
        String t = p.post().text().replace('\n', ' ');
        return "@" + p.post().authorHandle() + ": " + (t.length() > 110 ? t.substring(0, 110) : t);
    }

    static String yaml(StoryModel m, List<LabelledWindows> windows, Map<LabelledWindows, List<Pair>> pairs) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "# Whether two units (a post, a self-thread, a post with its quotes and replies) of one window tell the same\n");
        sb.append("# story: P(same) = 1 / (1 + exp(-(bias + sum of weight x feature))); linked when P >= threshold.\n");
        sb.append("# Features (dev.aidigest.digest.cluster.PairEvidence): similarity = cosine of the window-centred\n");
        sb.append("# bge-small-zh vectors; similarity_cross_script = the same when one post is Chinese and the\n");
        sb.append("# other not; name = rarity x kind of the rarest shared name after aliases; words = cosine of\n");
        sb.append("# the TF-IDF word vectors, names and terms (config/terms.yml) read alike in both languages,\n");
        sb.append("# only those words between a Chinese and an English post; words_cross_script = the same for\n");
        sb.append("# such a pair; lead = both lead with a common name; clash = each leads with a subject the other\n");
        sb.append("# never names; same_author, same_link are 0/1; hours_apart in hours.\n#\n");
        sb.append(String.format(
                Locale.ROOT,
                "# Fitted by StoryModelFitBench (logistic regression, L2 %.2f, threshold chosen for pairwise F1)%n",
                L2));
        sb.append(String.format(
                Locale.ROOT,
                "# on %d labelled windows, %d posts, %d pairs: the eval windows (src/test/resources/eval),%n",
                windows.size(),
                windows.stream().mapToInt(w -> w.posts().size()).sum(),
                pairs.values().stream().mapToInt(List::size).sum()));
        sb.append("# the bundled sample day and the two clustering sets. Scores with these weights:\n");
        for (String corpus : List.of("eval", "sample", "sets")) {
            sb.append(String.format(
                    Locale.ROOT,
                    "#   %-6s %s%n",
                    corpus,
                    score(
                            windows.stream()
                                    .filter(w -> w.corpus().equals(corpus))
                                    .toList(),
                            m)));
        }
        sb.append("# Refit after changing the evidence or the embedding model:\n");
        sb.append("#   mvn -B -Pbench test -Dtest=StoryModelFitBench -Dfit.write=true\n");
        sb.append(String.format(Locale.ROOT, "bias: %.4f%n", m.bias()));
        sb.append(String.format(Locale.ROOT, "threshold: %.2f%n", m.threshold()));
        sb.append("weights:\n");
        m.named().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s: %.4f%n", k, v)));
        return sb.toString();
    }
}
