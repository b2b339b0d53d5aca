package dev.aidigest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.Digests;
import dev.aidigest.digest.Posts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.Post;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The generated 5,000-post window of the digest benchmarks, also the {@link Posts} and {@link Digests}
 * the builder reads.
 *
 * <p>How it is made (honestly): {@value #STORIES} generated stories × 4 templated texts (EN and ZH)
 * plus 10 chatter texts, embedded once with the real bge-small-zh. The posts reuse those texts (story
 * sizes fall off as 1/rank^0.8, the biggest ~160 posts), each with its vector perturbed by Gaussian
 * noise (cosine ≈ 0.93 to the original) so no two posts are identical; 300 are chatter, 200 retweets
 * and 100 replies to others. The previous digest (17 items of 5 posts each, from the window before)
 * is in place, so the repeat guard works too. Posts of one story look more alike than real ones and
 * templated texts of different stories too (about 8% of all pairs reach the exact similarity check):
 * the story count says little about quality (the labelled sets measure that) and the time is, if
 * anything, pessimistic.
 *
 * <p>With the big story, {@value #BIG_POSTS} of the story posts are instead one launch ({@link
 * SyntheticCorpus#launch}, 40 texts) told by {@value #BIG_AUTHORS} accounts of their own, 4 posts each:
 * the day of the biggest news.
 *
 * <p>{@link #main} writes the same window (and the previous one) as JSON lines for {@code import}, for
 * {@code bench/big-story.sh}: imported, each post gets the exact vector of its text.
 */
final class BenchWindow implements Posts, Digests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Slot SLOT = Slot.parse("2025.11.26.16", ZONE);
    static final int POSTS = 5000;
    static final int STORIES = 250;
    static final int BIG_AUTHORS = 150;
    static final int BIG_POSTS = 600;

    final List<StoredPost> posts = new ArrayList<>();
    final Map<String, Double> norms = new HashMap<>();
    final List<StoredPost> previous = new ArrayList<>();
    final List<PastItem> previousItems = new ArrayList<>();
    private final Set<Long> launch = new HashSet<>();
    int distinctTexts;

    /** The ids of the big story's posts (none without it). */
    Set<Long> launchPostIds() {
        return Set.copyOf(launch);
    }

    /** The window with vectors from {@code embedder} (perturbed per post); {@code bigStory} as above. */
    static BenchWindow generate(Embedder embedder, boolean bigStory) {
        return generate(Optional.of(embedder), bigStory);
    }

    private static BenchWindow generate(Optional<Embedder> embedder, boolean bigStory) {
        List<SyntheticCorpus.Story> stories = SyntheticCorpus.stories(STORIES, 42);
        List<String> texts = new ArrayList<>();
        stories.forEach(s -> texts.addAll(s.texts()));
        texts.addAll(SyntheticCorpus.chatter());
        int launchFrom = texts.size();
        List<String> launch = SyntheticCorpus.launch(40, 17).texts();
        texts.addAll(launch);
        List<float[]> vectors = embedder.map(e -> e.embed(texts)).orElse(null);
        BenchWindow w = new BenchWindow();
        w.distinctTexts = bigStory ? texts.size() : launchFrom;
        Random r = new Random(7);
        Random noise = new Random(8);
        double[] share = new double[stories.size()];
        double total = 0;
        for (int i = 0; i < share.length; i++) {
            share[i] = 1 / Math.pow(i + 1, 0.8);
            total += share[i];
        }
        List<SyntheticCorpus.Account> tellers = SyntheticCorpus.accounts(BIG_AUTHORS, 23);
        int big = bigStory ? BIG_POSTS : 0;
        int storyPosts = POSTS - 600 - big;
        long start = SLOT.windowStart().toEpochMilli();
        for (int i = 0; i < POSTS; i++) {
            int t;
            Post.Reference ref = null;
            String handle = "acct" + r.nextInt(1500);
            String name = handle;
            if (i < big) {
                SyntheticCorpus.Account a = tellers.get(i % BIG_AUTHORS);
                handle = a.handle();
                name = a.name();
                t = launchFrom + r.nextInt(launch.size());
            } else if (i < big + storyPosts) {
                double x = r.nextDouble() * total;
                int s = 0;
                while (s < share.length - 1 && (x -= share[s]) > 0) {
                    s++;
                }
                t = s * 4 + r.nextInt(4);
            } else if (i < big + storyPosts + 300) {
                t = stories.size() * 4 + r.nextInt(SyntheticCorpus.chatter().size());
            } else {
                t = r.nextInt(stories.size() * 4);
                ref = new Post.Reference(i < big + storyPosts + 500 ? "retweeted" : "replied_to", "1", "someone_else");
            }
            w.norms.putIfAbsent(handle, Math.exp(2 + 3 * r.nextDouble()));
            int likes = (int) (w.norms.get(handle) * Math.exp(r.nextGaussian()));
            String pid = String.valueOf(2_000_000_000_000_000_000L + i);
            Instant at = Instant.ofEpochMilli(start + (long) (r.nextDouble() * 4 * 3600_000));
            Post p = post(pid, handle, name, texts.get(t), at, likes, ref);
            w.posts.add(new StoredPost(i + 1, p, vectors == null ? null : perturb(vectors.get(t), noise)));
            if (i < big) {
                w.launch.add(i + 1L);
            }
        }
        w.posts.sort((a, b) -> a.post().createdAt().compareTo(b.post().createdAt()));
        for (int item = 0; item < 17; item++) {
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                long id = 100_000 + item * 10 + k;
                int t = item * 4 + r.nextInt(4);
                String handle = "acct" + r.nextInt(1500);
                Instant at = Instant.ofEpochMilli(start - 1 - (long) (r.nextDouble() * 4 * 3600_000));
                Post p = post(
                        String.valueOf(1_000_000_000_000_000_000L + id), handle, handle, texts.get(t), at, 10, null);
                w.previous.add(new StoredPost(id, p, vectors == null ? null : perturb(vectors.get(t), noise)));
                ids.add(id);
            }
            w.previousItems.add(new PastItem("2025.11.26.12", "k" + item, "h" + item, ids));
        }
        return w;
    }

    private static Post post(
            String pid, String handle, String name, String text, Instant at, int likes, Post.Reference ref) {
        return new Post(
                "x",
                pid,
                handle,
                name,
                text,
                at,
                "https://x.com/" + handle + "/status/" + pid,
                null,
                new Post.Metrics(likes, likes / 10, likes / 20, 0, 0),
                ref,
                List.of(),
                List.of(),
                pid);
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

    /**
     * Writes the big-story window and the 85 posts of the window before it as JSON lines for {@code
     * import}: {@code BenchWindow FILE}.
     */
    public static void main(String[] args) throws IOException {
        BenchWindow w = generate(Optional.empty(), true);
        ObjectMapper json = Jackson.json();
        List<StoredPost> all = new ArrayList<>(w.previous);
        all.addAll(w.posts);
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (StoredPost sp : all) {
                Post p = sp.post();
                ObjectNode n = json.createObjectNode()
                        .put("id", p.platformId())
                        .put("author_handle", p.authorHandle())
                        .put("author_name", p.authorName())
                        .put("text", p.text())
                        .put("created_at", p.createdAt().toString())
                        .put("likes", p.metrics().likes())
                        .put("reposts", p.metrics().reposts())
                        .put("replies", p.metrics().replies());
                if (p.reference() != null) {
                    n.put("ref_type", p.reference().type())
                            .put("ref_id", p.reference().platformId())
                            .put("ref_author", p.reference().authorHandle());
                }
                out.write(json.writeValueAsString(n));
                out.write('\n');
            }
        }
        System.err.printf(
                "wrote %d posts (%d in %s, %d before it) to %s%n",
                all.size(), w.posts.size(), SLOT.name(), w.previous.size(), args[0]);
    }

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

    @Override
    public long save(Digest digest, String markdown) {
        return 0;
    }

    @Override
    public List<PastItem> itemsEndedBetween(Instant since, Instant until) {
        return previousItems;
    }

    @Override
    public Optional<String> markdown(String slot) {
        return Optional.empty();
    }
}
