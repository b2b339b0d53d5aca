package dev.aidigest.bench;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.Digests;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Posts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.Summarizer;
import dev.aidigest.ingest.Post;
import dev.aidigest.llm.BgeEmbedder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (filter, cluster, rank, repeat guard) on a 5,000-post window, with an instant
 * summarizer and in-memory posts, so the time is the pipeline's own. Prints numbers; asserts none.
 *
 * <p>How the window is made (honestly): {@value #STORIES} generated stories × 4 templated texts (EN
 * and ZH) plus 10 chatter texts, embedded once with the real bge-small-zh. The 5,000 posts reuse
 * those texts (story sizes fall off as 1/rank^0.8, the biggest ~160 posts), each with its vector
 * perturbed by Gaussian noise (cosine ≈ 0.93 to the original) so no two posts are identical; 300 are
 * chatter, 200 retweets and 100 replies to others. The previous digest (17 items of 5 posts each,
 * from the window before) is in place, so the repeat guard works too. Posts of one story look more
 * alike than real ones and templated texts of different stories too (about 8% of all pairs reach
 * the exact similarity check): the story count it prints says little about quality (the labelled
 * sets measure that) and the time is, if anything, pessimistic.
 */
class DigestBuildBench {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Slot SLOT = Slot.parse("2025.11.26.16", ZONE);
    private static final int POSTS = 5000;
    private static final int RUNS = 9;
    private static final int STORIES = 250;

    @Test
    void buildsAFiveThousandPostWindow() {
        long t0 = System.nanoTime();
        Window window = generate(new BgeEmbedder());
        System.out.printf(
                Locale.ROOT,
                "bench: load average before runs %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "bench: generated %d posts from %d distinct embedded texts in %d ms%n",
                window.posts.size(),
                window.distinctTexts,
                (System.nanoTime() - t0) / 1_000_000);
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        AppConfig config = loader.app();
        SourcesConfig sources = loader.sources();
        DigestBuilder builder = DigestBuilder.create(
                window, window.previousDigest, new InstantSummarizer(), config, sources, Path.of("config"));

        long[] millis = new long[RUNS];
        long[] cpu = new long[RUNS];
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        DigestBuilder.Build last = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            last = builder.buildWithReport(SLOT, SLOT.windowEnd());
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            cpu[run] = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
            System.out.printf(
                    Locale.ROOT,
                    "bench: run %d: %d ms wall, %d ms CPU (all threads, incl. GC/JIT), load %.1f %s%n",
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
        System.out.printf(
                Locale.ROOT,
                "bench: %d posts, %d kept, %d stories (generated: %d stories + chatter), %d items"
                        + " (%d follow-ups); first run %d ms, median of runs 2-%d %d ms wall (min %d, max %d), median CPU %d ms;"
                        + " %d available processors%n",
                d.postsRead(),
                last.filtered().kept().size(),
                last.stories().size(),
                window.stories,
                d.items().size(),
                d.items().stream().filter(i -> i.followUp()).count(),
                millis[0],
                RUNS,
                warm[warm.length / 2],
                warm[0],
                warm[warm.length - 1],
                warmCpu[warmCpu.length / 2],
                Runtime.getRuntime().availableProcessors());
    }

    /** The generated window; also the {@link Posts} the builder reads. */
    private static final class Window implements Posts {
        final List<StoredPost> posts = new ArrayList<>();
        final Map<String, Double> norms = new HashMap<>();
        final List<StoredPost> previous = new ArrayList<>();
        final PreviousDigest previousDigest = new PreviousDigest();
        int distinctTexts;
        int stories;

        @Override
        public List<StoredPost> inWindow(Instant start, Instant end) {
            return posts;
        }

        @Override
        public Map<String, Double> authorNorms(Instant since, Instant until) {
            return norms;
        }

        @Override
        public List<StoredPost> byIds(Collection<Long> ids) {
            return previous.stream().filter(p -> ids.contains(p.id())).toList();
        }
    }

    private static Window generate(BgeEmbedder embedder) {
        List<SyntheticCorpus.Story> stories = SyntheticCorpus.stories(STORIES, 42);
        List<String> texts = new ArrayList<>();
        stories.forEach(s -> texts.addAll(s.texts()));
        texts.addAll(SyntheticCorpus.chatter());
        List<float[]> vectors = embedder.embed(texts);
        Window w = new Window();
        w.distinctTexts = texts.size();
        w.stories = stories.size();
        Random r = new Random(7);
        double[] share = new double[stories.size()];
        double total = 0;
        for (int i = 0; i < share.length; i++) {
            share[i] = 1 / Math.pow(i + 1, 0.8);
            total += share[i];
        }
        int storyPosts = POSTS - 600;
        long start = SLOT.windowStart().toEpochMilli();
        for (int i = 0; i < POSTS; i++) {
            int t;
            Post.Reference ref = null;
            if (i < storyPosts) {
                double x = r.nextDouble() * total;
                int s = 0;
                while (s < share.length - 1 && (x -= share[s]) > 0) {
                    s++;
                }
                t = s * 4 + r.nextInt(4);
            } else if (i < storyPosts + 300) {
                t = stories.size() * 4 + r.nextInt(SyntheticCorpus.chatter().size());
            } else {
                t = r.nextInt(stories.size() * 4);
                ref = new Post.Reference(i < storyPosts + 500 ? "retweeted" : "replied_to", "1", "someone_else");
            }
            String handle = "acct" + r.nextInt(1500);
            w.norms.putIfAbsent(handle, Math.exp(2 + 3 * r.nextDouble()));
            int likes = (int) (w.norms.get(handle) * Math.exp(r.nextGaussian()));
            String pid = String.valueOf(2_000_000_000_000_000_000L + i);
            Instant at = Instant.ofEpochMilli(start + (long) (r.nextDouble() * 4 * 3600_000));
            Post p = new Post(
                    "x",
                    pid,
                    handle,
                    handle,
                    texts.get(t),
                    at,
                    "https://x.com/" + handle + "/status/" + pid,
                    null,
                    new Post.Metrics(likes, likes / 10, likes / 20, 0, 0),
                    ref,
                    List.of(),
                    List.of(),
                    pid);
            w.posts.add(new StoredPost(i + 1, p, perturb(vectors.get(t), r)));
        }
        w.posts.sort((a, b) -> a.post().createdAt().compareTo(b.post().createdAt()));
        for (int item = 0; item < 17; item++) {
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                long id = 100_000 + item * 10 + k;
                int t = item * 4 + r.nextInt(4);
                String handle = "acct" + r.nextInt(1500);
                Instant at = Instant.ofEpochMilli(start - 1 - (long) (r.nextDouble() * 4 * 3600_000));
                Post p = new Post(
                        "x",
                        "p" + id,
                        handle,
                        handle,
                        texts.get(t),
                        at,
                        "https://x.com/" + handle + "/status/p" + id,
                        null,
                        new Post.Metrics(10, 1, 0, 0, 0),
                        null,
                        List.of(),
                        List.of(),
                        "p" + id);
                w.previous.add(new StoredPost(id, p, perturb(vectors.get(t), r)));
                ids.add(id);
            }
            w.previousDigest.items.add(new Digests.PastItem("2025.11.26.12", "k" + item, "h" + item, ids));
        }
        return w;
    }

    private static float[] perturb(float[] v, Random r) {
        float[] out = new float[v.length];
        double sigma = 0.4 / Math.sqrt(v.length);
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            out[d] = (float) (v[d] + sigma * r.nextGaussian());
            norm += out[d] * out[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            out[d] *= scale;
        }
        return out;
    }

    private static final class PreviousDigest implements Digests {
        final List<PastItem> items = new ArrayList<>();

        @Override
        public long save(Digest digest, String markdown) {
            return 0;
        }

        @Override
        public List<PastItem> itemsEndedBetween(Instant since, Instant until) {
            return items;
        }

        @Override
        public Optional<String> markdown(String slot) {
            return Optional.empty();
        }
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
