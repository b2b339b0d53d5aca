package dev.aidigest.bench;

import dev.aidigest.eval.Diagnosis;
import dev.aidigest.eval.EvalCorpus;
import dev.aidigest.eval.EvalRun;
import dev.aidigest.eval.EvalTable;
import dev.aidigest.eval.WindowRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Story quality on the labelled evaluation windows ({@code src/test/resources/eval/}): each window run
 * through the real import → digest path, scored like {@code score.py}, then explained. Prints the table
 * (a row per window and the mean, for the candidates after the repeat guard and for the digest's items),
 * the diagnosis of every window and a count of failure kinds; writes each prediction to
 * {@code target/eval/} so {@code score.py} can be run on it by hand. Asserts nothing (the floors are in
 * {@code EvalWindowsTest}).
 *
 * <pre>
 * mvn -B -Pbench verify -Dtest=StoryEvalBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * ({@code verify} also packages the jar and runs the integration tests; {@code test} instead runs the
 * bench alone, in about ten seconds.) While tuning, {@code -Deval.window=2025.12.08.20} on the same
 * command runs that window only and prints only its scores and diagnosis; so does {@link #main} with the
 * slot as argument, without Maven:
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) dev.aidigest.bench.StoryEvalBench 2025.12.08.20
 * </pre>
 */
class StoryEvalBench {

    /** System property: run only this evaluated slot and print its diagnosis. */
    static final String WINDOW = "eval.window";

    @Test
    void scoresTheLabelledWindows() {
        String only = System.getProperty(WINDOW, "").trim();
        if (!only.isEmpty()) {
            System.out.print(diagnose(only));
            return;
        }
        long t0 = System.nanoTime();
        List<WindowRun> runs = new ArrayList<>();
        for (EvalCorpus.Window w : EvalCorpus.all()) {
            runs.add(EvalRun.run(w));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        StringBuilder out = new StringBuilder();
        out.append("bench: story quality on ")
                .append(runs.size())
                .append(" labelled windows (")
                .append(ms)
                .append(" ms)\n");
        out.append(EvalTable.of(runs));
        for (WindowRun r : runs) {
            out.append('\n').append(Diagnosis.of(r));
        }
        out.append('\n').append("failure kinds over all windows:\n");
        Map<String, Integer> kinds = new LinkedHashMap<>();
        runs.forEach(r -> Diagnosis.kinds(r).forEach((k, n) -> kinds.merge(k, n, Integer::sum)));
        kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));
        out.append('\n');
        runs.forEach(r -> write(r, out));
        System.out.print(out);
    }

    /** One window's table rows and diagnosis; its predictions are written as in the full run. */
    static String diagnose(String slot) {
        WindowRun r = EvalRun.run(EvalCorpus.window(slot));
        StringBuilder out = new StringBuilder(EvalTable.of(List.of(r)));
        out.append('\n').append(Diagnosis.of(r)).append('\n');
        write(r, out);
        return out.toString();
    }

    private static void write(WindowRun r, StringBuilder out) {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/eval");
        for (WindowRun.View view : WindowRun.View.values()) {
            Path file = r.prediction(view)
                    .write(dir.resolve("prediction-" + r.window().slot() + "-"
                            + view.name().toLowerCase(Locale.ROOT) + ".json"));
            out.append("wrote ").append(file).append('\n');
        }
        out.append("  python3 src/test/resources/eval/score.py ")
                .append(dir.resolve("prediction-" + r.window().slot() + "-candidates.json"))
                .append(" src/test/resources/eval/labels-")
                .append(r.window().slot())
                .append(".json\n");
        out.append("  times ").append(r.millis()).append('\n');
    }

    /** {@code StoryEvalBench SLOT}: one window's scores and diagnosis; no argument: the whole bench. */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.out.print(diagnose(args[0]));
        } else {
            new StoryEvalBench().scoresTheLabelledWindows();
        }
    }
}
