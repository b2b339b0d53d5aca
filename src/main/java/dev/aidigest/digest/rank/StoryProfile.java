package dev.aidigest.digest.rank;

import dev.aidigest.digest.PostWords;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.cluster.CentredVectors;
import dev.aidigest.digest.cluster.Centring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a story is about, compact enough to compare with the items of earlier digests: its posts,
 * authors, names, subject (the specific names more than half its posts lead with; a comparison
 * one post draws with FLUX.2 does not make FLUX.2 the story's subject) and its posts' embeddings.
 */
record StoryProfile(
        List<StoredPost> posts, Set<Long> postIds, Set<String> authors, Set<String> names, Set<String> subject) {

    static StoryProfile idsOnly(List<Long> ids) {
        return new StoryProfile(List.of(), new HashSet<>(ids), Set.of(), Set.of(), Set.of());
    }

    static String handle(StoredPost p) {
        return p.post().authorHandle().toLowerCase(Locale.ROOT);
    }

    /** The posts' embeddings centred with the window's centring; posts without one are left out. */
    List<float[]> centred(Centring centring) {
        return centred(posts, centring);
    }

    /** The embeddings of {@code posts} centred with the window's centring; posts without one are left out. */
    static List<float[]> centred(List<StoredPost> posts, Centring centring) {
        List<float[]> out = new ArrayList<>();
        for (StoredPost p : posts) {
            if (p.embedding() != null) {
                out.add(centring.centre(p.embedding(), PostWords.isCjk(p.post().text())));
            }
        }
        return out;
    }

    /**
     * The closest pair of posts, one from each story: a follow-up's posts are about what is new, so
     * the mean of a story with a long hands-on review is far from its launch posts, while one post
     * of it still says what launched. NaN when either has no embedding.
     */
    static double closest(List<float[]> a, List<float[]> b) {
        double best = Double.NaN;
        for (float[] x : a) {
            for (float[] y : b) {
                if (x.length == y.length) {
                    double dot = CentredVectors.dot(x, y); // eight accumulators: the JIT vectorises it
                    best = Double.isNaN(best) ? dot : Math.max(best, dot);
                }
            }
        }
        return best;
    }

    /** Builds profiles with one name extractor. */
    static final class Factory {
        private final Names names;

        Factory(Names names) {
            this.names = names;
        }

        StoryProfile of(List<StoredPost> posts) {
            Set<Long> ids = new HashSet<>();
            Set<String> authors = new HashSet<>();
            Set<String> all = new HashSet<>();
            Map<String, Integer> leading = new HashMap<>();
            for (StoredPost p : posts) {
                ids.add(p.id());
                authors.add(handle(p));
                all.addAll(names.of(p));
                names.leading(p).forEach(n -> leading.merge(n, 1, Integer::sum));
            }
            Set<String> subject = new HashSet<>();
            leading.forEach((n, c) -> {
                if (posts.size() == 1 || 2 * c > posts.size()) {
                    subject.add(n);
                }
            });
            return new StoryProfile(List.copyOf(posts), ids, authors, all, subject);
        }
    }
}
