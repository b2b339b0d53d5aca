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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The metrics of every window and their mean, one row each, for both views. */
public final class EvalTable {

    /** Column heading → metric, in print order. */
    public static final Map<String, String> COLUMNS = columns();

    private EvalTable() {}

    /** The table over {@code runs}: per view, a row per window and the mean. */
    public static String of(List<WindowRun> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-24s", "window / view"));
        COLUMNS.keySet().forEach(h -> out.append(String.format(Locale.ROOT, " %6s", h)));
        out.append('\n');
        for (WindowRun.View view : WindowRun.View.values()) {
            String v = view.name().toLowerCase(Locale.ROOT);
            for (WindowRun r : runs) {
                row(out, r.window().slot() + " " + v, r.score(view).metrics());
            }
            List<WindowRun> dev = group(runs, EvalCorpus.DEV);
            List<WindowRun> heldOut = group(runs, EvalCorpus.HELD_OUT);
            if (dev.isEmpty() || heldOut.isEmpty()) {
                row(out, "mean " + v, mean(runs, view));
            } else {
                row(out, "mean dev " + v, mean(dev, view));
                row(out, "mean held-out " + v, mean(heldOut, view));
            }
        }
        out.append("pw = pairwise, b3 = B-cubed, MA = multi-author story recall (MAs strict), exact = story exact"
                + " recall, noise/outs = noise/outside-window kept out, fu = follow-ups kept, rep = repeats dropped,"
                + " nm = near-misses kept apart\n");
        return out.toString();
    }

    /** The runs of {@code slots}, in their order. */
    public static List<WindowRun> group(List<WindowRun> runs, List<String> slots) {
        return runs.stream().filter(r -> slots.contains(r.window().slot())).toList();
    }

    /** The mean of every metric over {@code runs} in {@code view}. */
    public static Map<String, Double> mean(List<WindowRun> runs, WindowRun.View view) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (WindowRun r : runs) {
            r.score(view).metrics().forEach((k, x) -> sum.merge(k, x, Double::sum));
        }
        sum.replaceAll((k, x) -> x / runs.size());
        return sum;
    }

    private static void row(StringBuilder out, String name, Map<String, Double> metrics) {
        out.append(String.format(Locale.ROOT, "%-24s", name));
        COLUMNS.values().forEach(m -> out.append(String.format(Locale.ROOT, " %6.3f", metrics.get(m))));
        out.append('\n');
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("pwP", PAIRWISE_PRECISION);
        c.put("pwR", PAIRWISE_RECALL);
        c.put("pwF1", PAIRWISE_F1);
        c.put("b3P", BCUBED_PRECISION);
        c.put("b3R", BCUBED_RECALL);
        c.put("MA", MULTI_AUTHOR_RECALL);
        c.put("MAs", MULTI_AUTHOR_RECALL_STRICT);
        c.put("exact", STORY_EXACT_RECALL);
        c.put("noise", NOISE_KEPT_OUT);
        c.put("outs", OUTSIDE_WINDOW_KEPT_OUT);
        c.put("fu", FOLLOWUP_WITH_NEWS_KEPT);
        c.put("rep", REPEAT_NO_NEWS_DROPPED);
        c.put("nm", NEAR_MISS_KEPT_APART);
        return java.util.Collections.unmodifiableMap(c);
    }
}
