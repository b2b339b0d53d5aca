package dev.aidigest.digest.cluster;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One author's thread (the first post and the author's replies to it), a post with the quotes of and
 * replies to it in the window, or a single post: the unit that clustering places in a story. A thread is one
 * story by construction, even when its later posts ("2/ pricing is …") look nothing like its first;
 * a quote is commentary on the post it quotes ("An open-weight model at IMO gold level" quoting
 * DeepSeekMath-V2), even when it never names the thing.
 */
public record ThreadUnit(List<StoredPost> posts) {

    static List<ThreadUnit> of(List<StoredPost> posts) {
        int n = posts.size();
        int[] parent = new int[n];
        Map<String, Integer> firstOfThread = new HashMap<>();
        Map<String, Integer> byPlatformId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            Post p = posts.get(i).post();
            byPlatformId.putIfAbsent(p.platform() + '\u0000' + p.platformId(), i);
            String key = threadKey(posts.get(i));
            if (key != null) {
                Integer first = firstOfThread.putIfAbsent(key, i);
                if (first != null) {
                    union(parent, first, i);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Post p = posts.get(i).post();
            // A quote comments on the post it quotes; a reply to another author's post of the window
            // ("thanks merve! tip: set max_pixels…") answers it, so it belongs to its story however
            // little its own words say. (Replies to posts outside the window were filtered as replies
            // to strangers, or stand on their own.)
            if (p.reference() != null
                    && (p.reference().isQuote() || p.reference().isReply())) {
                Integer referred =
                        byPlatformId.get(p.platform() + '\u0000' + p.reference().platformId());
                if (referred != null) {
                    union(parent, referred, i);
                }
            }
        }
        Map<Integer, List<StoredPost>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(posts.get(i));
        }
        List<ThreadUnit> units = new ArrayList<>(byRoot.size());
        for (List<StoredPost> list : byRoot.values()) {
            // Oldest first whatever order the store gave: a thread reads from its first post, and what
            // it names first is what it is about.
            list.sort(
                    Comparator.comparing((StoredPost p) -> p.post().createdAt()).thenComparingLong(StoredPost::id));
            units.add(new ThreadUnit(List.copyOf(list)));
        }
        return units;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Author + conversation for a thread's first post or the author's reply to themselves. */
    private static String threadKey(StoredPost sp) {
        Post p = sp.post();
        if (p.conversationId() == null || p.conversationId().isBlank()) {
            return null;
        }
        boolean root = p.conversationId().equals(p.platformId());
        boolean selfReply = p.reference() != null && p.reference().isReply() && !p.isReplyToOther();
        if (!root && !selfReply) {
            return null;
        }
        return p.platform() + '\u0000' + p.authorHandle().toLowerCase(Locale.ROOT) + '\u0000' + p.conversationId();
    }

    /**
     * True for a lone quote of a post outside the window (the quoted post is in no unit of this
     * window, else the quote would have joined it): its own words are a reaction ("already #1
     * trending…", "What a time to be alive"), the thing it reacts to is in the post it quotes.
     */
    boolean quotesOutside() {
        if (posts.size() != 1) {
            return false;
        }
        Post p = posts.get(0).post();
        return p.reference() != null && p.reference().isQuote();
    }

    String text() {
        if (posts.size() == 1) {
            return posts.get(0).post().text();
        }
        StringBuilder sb = new StringBuilder();
        posts.forEach(p -> sb.append(p.post().text()).append('\n'));
        return sb.toString();
    }

    /** The first post's vector, or the normalised mean of the thread's vectors. */
    public float[] vector() {
        if (posts.size() == 1) {
            return posts.get(0).embedding();
        }
        float[] sum = null;
        for (StoredPost p : posts) {
            float[] v = p.embedding();
            if (v == null) {
                continue;
            }
            if (sum == null) {
                sum = new float[v.length];
            }
            if (v.length == sum.length) {
                for (int d = 0; d < v.length; d++) {
                    sum[d] += v[d];
                }
            }
        }
        return sum == null ? null : normalise(sum);
    }

    /** Scales {@code v} in place to unit length (a zero vector stays zero); returns it. */
    static float[] normalise(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += (double) f * f;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= scale;
        }
        return v;
    }

    Instant start() {
        Instant first = posts.get(0).post().createdAt();
        for (StoredPost p : posts) {
            if (p.post().createdAt().isBefore(first)) {
                first = p.post().createdAt();
            }
        }
        return first;
    }
}
