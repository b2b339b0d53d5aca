package dev.aidigest.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled windows run once per JVM and shared by every test that needs the engine's real answer
 * (each run embeds a few hundred posts and builds two digests; doing it per test method would cost
 * minutes).
 */
public final class EvalRuns {

    private static final Map<String, WindowRun> RUNS = new LinkedHashMap<>();

    private EvalRuns() {}

    /** Every evaluated window, run on first use. */
    public static synchronized List<WindowRun> all() {
        return EvalCorpus.SLOTS.stream().map(EvalRuns::of).toList();
    }

    /** One evaluated window, run on first use. */
    public static synchronized WindowRun of(String slot) {
        return RUNS.computeIfAbsent(slot, s -> EvalRun.run(EvalCorpus.window(s)));
    }
}
