package dev.aidigest.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.llm.BgeEmbedders;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Posts per second and CPU per post of the embedders over 2,000 tweet-length texts (Chinese,
 * English, mixed; 100–280 chars), embedded 100 at a time like an ingest page. Median of 3 runs after
 * a warm-up. CPU is the whole process's, so it counts onnxruntime's native threads; the machine may
 * be shared, hence the load average beside each run. Prints numbers, asserts nothing.
 */
class EmbedBench {

    static final int POSTS = 2_000;
    static final int PAGE = 100;
    static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void embedThroughput() {
        List<String> texts = TweetTexts.generate(POSTS, new Random(42));
        System.out.printf(
                "%d texts, %d-%d chars, %d cores%n",
                texts.size(),
                texts.stream().mapToInt(String::length).min().orElse(0),
                texts.stream().mapToInt(String::length).max().orElse(0),
                Runtime.getRuntime().availableProcessors());
        List<float[]> reference = measure("(a) langchain4j, one text per run", BgeEmbedders::langchain4j, texts, null);
        measure("(b) BgeEmbedder default: one text per run, 2 workers x 1 thread", BgeEmbedder::new, texts, reference);
        measure("(c) batches of 8, 1 worker x 2 threads", () -> BgeEmbedders.batched(8, 1, 2), texts, reference);
        measure("(d) batches of 32, 1 worker x 2 threads", () -> BgeEmbedders.batched(32, 1, 2), texts, reference);
        measure("(e) batches of 16, 2 workers x 1 thread", () -> BgeEmbedders.batched(16, 2, 1), texts, reference);
    }

    private static List<float[]> measure(
            String name, Supplier<Embedder> factory, List<String> texts, List<float[]> reference) {
        Embedder embedder = factory.get();
        embedAll(embedder, texts.subList(0, 300));
        double[] rates = new double[3];
        double[] cpuMs = new double[3];
        List<float[]> vectors = null;
        System.out.println(name);
        for (int run = 0; run < rates.length; run++) {
            long cpu0 = OS.getProcessCpuTime();
            long wall0 = System.nanoTime();
            vectors = embedAll(embedder, texts);
            rates[run] = texts.size() / ((System.nanoTime() - wall0) / 1e9);
            cpuMs[run] = (OS.getProcessCpuTime() - cpu0) / 1e6 / texts.size();
            System.out.printf(
                    "  run %d: %6.1f posts/s  %5.2f ms CPU/post  loadavg %s%n",
                    run + 1, rates[run], cpuMs[run], loadavg());
        }
        System.out.printf(
                "  median: %6.1f posts/s  %5.2f ms CPU/post (=> %.0f posts/s on %d idle cores)%s%n",
                median(rates),
                median(cpuMs),
                1000 / median(cpuMs) * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(),
                reference == null ? "" : minCosine(vectors, reference));
        if (embedder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return vectors;
    }

    private static List<float[]> embedAll(Embedder embedder, List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += PAGE) {
            out.addAll(embedder.embed(texts.subList(from, Math.min(texts.size(), from + PAGE))));
        }
        return out;
    }

    private static String minCosine(List<float[]> vectors, List<float[]> reference) {
        double min = 1;
        for (int i = 0; i < vectors.size(); i++) {
            double dot = 0;
            for (int d = 0; d < vectors.get(i).length; d++) {
                dot += vectors.get(i)[d] * reference.get(i)[d];
            }
            min = Math.min(min, dot);
        }
        return String.format(", min cosine to (a) %.5f", min);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
