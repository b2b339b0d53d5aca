package dev.aidigest.bench;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.Summarizer;
import dev.aidigest.llm.BgeEmbedder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (filter, cluster, rank, repeat guard) on a 5,000-post window ({@link
 * BenchWindow}), with an instant summarizer and in-memory posts, so the time is the pipeline's own:
 * the usual mix, and the same with one launch told by 150 accounts in 600 posts. Prints numbers;
 * asserts none.
 */
class DigestBuildBench {

    private static final int RUNS = 9;

    @Test
    void buildsAFiveThousandPostWindow() {
        measure("usual mix", false);
    }

    @Test
    void buildsAFiveThousandPostWindowWithOneBigStory() {
        measure("one story by " + BenchWindow.BIG_AUTHORS + " accounts", true);
    }

    private static void measure(String label, boolean bigStory) {
        long t0 = System.nanoTime();
        BenchWindow window = BenchWindow.generate(new BgeEmbedder(), bigStory);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "bench [%s]: load average before runs %.2f%n", label, os.getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "bench [%s]: generated %d posts from %d distinct embedded texts in %d ms%n",
                label,
                window.posts.size(),
                window.distinctTexts,
                (System.nanoTime() - t0) / 1_000_000);
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        AppConfig config = loader.app();
        SourcesConfig sources = loader.sources();
        DigestBuilder builder =
                DigestBuilder.create(window, window, new InstantSummarizer(), config, sources, Path.of("config"));

        long[] millis = new long[RUNS];
        long[] cpu = new long[RUNS];
        DigestBuilder.Build last = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            last = builder.buildWithReport(BenchWindow.SLOT, BenchWindow.SLOT.windowEnd());
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            cpu[run] = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
            System.out.printf(
                    Locale.ROOT,
                    "bench [%s]: run %d: %d ms wall, %d ms CPU (all threads, incl. GC/JIT), load %.1f %s%n",
                    label,
                    run + 1,
                    millis[run],
                    cpu[run],
                    os.getSystemLoadAverage(),
                    last.millis());
        }
        long[] warm = Arrays.copyOfRange(millis, 1, RUNS);
        Arrays.sort(warm);
        long[] warmCpu = Arrays.copyOfRange(cpu, 1, RUNS);
        Arrays.sort(warmCpu);
        Digest d = last.digest();
        DigestItem top = d.items().stream()
                .max((a, b) -> Integer.compare(a.postIds().size(), b.postIds().size()))
                .orElse(null);
        System.out.printf(
                Locale.ROOT,
                "bench [%s]: %d posts, %d kept, %d stories, %d items (%d follow-ups), biggest item %s;"
                        + " first run %d ms, median of runs 2-%d %d ms wall (min %d, max %d), median CPU %d ms;"
                        + " %d available processors%n",
                label,
                d.postsRead(),
                last.filtered().kept().size(),
                last.stories().size(),
                d.items().size(),
                d.items().stream().filter(DigestItem::followUp).count(),
                top == null
                        ? "none"
                        : top.postIds().size() + " posts by " + top.authors().size() + " authors",
                millis[0],
                RUNS,
                warm[warm.length / 2],
                warm[0],
                warm[warm.length - 1],
                warmCpu[warmCpu.length / 2],
                Runtime.getRuntime().availableProcessors());
        if (bigStory) {
            launch(label, window, last);
        }
    }

    /** Where the launch's posts went: how many stories they form and whether the biggest became an item. */
    private static void launch(String label, BenchWindow window, DigestBuilder.Build build) {
        Set<Long> launch = window.launchPostIds();
        List<Story> holding = build.stories().stream()
                .filter(s -> s.posts().stream().anyMatch(p -> launch.contains(p.id())))
                .sorted(Comparator.comparingInt((Story s) -> s.posts().size()).reversed())
                .toList();
        Story biggest = holding.isEmpty() ? null : holding.get(0);
        long kept = build.filtered().kept().stream()
                .filter(p -> launch.contains(p.id()))
                .count();
        String item = biggest == null
                ? "no item"
                : build.digest().items().stream()
                        .filter(i -> i.storyKey().equals(biggest.key()))
                        .findFirst()
                        .map(i ->
                                "item " + i.position() + " with " + i.authors().size() + " authors")
                        .orElse("not an item");
        System.out.printf(
                Locale.ROOT,
                "bench [%s]: the launch's %d posts (%d kept) are in %d stories; the biggest has %d posts (%d of"
                        + " them the launch's) by %d authors: %s; sizes %s%n",
                label,
                launch.size(),
                kept,
                holding.size(),
                biggest == null ? 0 : biggest.posts().size(),
                biggest == null
                        ? 0
                        : biggest.posts().stream()
                                .filter(p -> launch.contains(p.id()))
                                .count(),
                biggest == null ? 0 : biggest.authors().size(),
                item,
                holding.stream().limit(12).map(s -> s.posts().size()).toList());
    }

    private static final class InstantSummarizer implements Summarizer {
        @Override
        public Summaries summarize(List<dev.aidigest.digest.StoryBrief> stories) {
            List<StorySummary> items =
                    stories.stream().map(s -> new StorySummary("h", "s", true)).toList();
            return new Summaries(items, List.of("AI模型"), LlmUsage.NONE, "offline");
        }
    }
}
