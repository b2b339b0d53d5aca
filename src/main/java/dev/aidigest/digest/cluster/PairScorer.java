package dev.aidigest.digest.cluster;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The evidence and the model's probability for any pair of one window's units, and the pairs the
 * model links ({@link #links}).
 *
 * <p>A window of 5,000 posts has 12.5 million pairs. Pairs that share a name, a lead, a link or a
 * reply/quote are few and found through their postings; every other pair can only be linked on
 * similarity, so it is screened first by sketch Hamming distance against the lowest similarity at
 * which the model could link it ({@link StoryModel#minSimilarityWithoutNames}).
 */
final class PairScorer {

    /** Sketch screening margin in standard deviations (theoretical σ; measured σ is 20% smaller). */
    private static final double SKETCH_SIGMAS = 3.0;

    private final CentredVectors vectors;
    private final EntityIndex names;
    private final StoryModel model;
    private final long[] seconds;
    private final String[][] authors;
    private final String[][] links;
    private final Set<String>[] ids;
    private final Set<String>[] refs;

    @SuppressWarnings("unchecked")
    PairScorer(List<ThreadUnit> units, CentredVectors vectors, EntityIndex names, StoryModel model) {
        int n = units.size();
        this.vectors = vectors;
        this.names = names;
        this.model = model;
        this.seconds = new long[n];
        this.authors = new String[n][];
        this.links = new String[n][];
        this.ids = new Set[n];
        this.refs = new Set[n];
        for (int u = 0; u < n; u++) {
            ThreadUnit unit = units.get(u);
            seconds[u] = unit.start().getEpochSecond();
            Set<String> a = new HashSet<>();
            Set<String> l = new HashSet<>();
            ids[u] = new HashSet<>();
            refs[u] = new HashSet<>();
            for (StoredPost sp : unit.posts()) {
                Post p = sp.post();
                a.add(p.authorHandle().toLowerCase(Locale.ROOT));
                ids[u].add(p.platformId());
                if (p.reference() != null
                        && (p.reference().isReply() || p.reference().isQuote())) {
                    refs[u].add(p.reference().platformId());
                }
                for (String link : p.links()) {
                    String k = linkKey(link);
                    if (k != null) {
                        l.add(k);
                    }
                }
            }
            authors[u] = sorted(a);
            links[u] = sorted(l);
        }
    }

    int size() {
        return seconds.length;
    }

    PairEvidence evidence(int i, int j) {
        float sim = vectors.has(i) && vectors.has(j) ? vectors.similarity(i, j) : 0f;
        double name = names.shared(i, j);
        return new PairEvidence(
                sim,
                (float) name,
                name > 0 ? names.sharedKey(i, j) : null,
                firstCommon(names.ledWith(i), names.ledWith(j)) != null,
                names.subjectsClash(i, j),
                firstCommon(authors[i], authors[j]) != null,
                firstCommon(links[i], links[j]) != null,
                refersTo(i, j) || refersTo(j, i),
                Math.abs(seconds[i] - seconds[j]) / 3600f,
                vectors.cjk(i) != vectors.cjk(j));
    }

    double threshold() {
        return model.threshold();
    }

    double probability(int i, int j) {
        return model.probability(evidence(i, j));
    }

    /** Every pair the model links, no further apart than {@code maxHoursApart} (≤ 0: no bound). */
    Links links(double maxHoursApart) {
        int n = size();
        double maxApart = maxHoursApart > 0 ? maxHoursApart * 3600 : Double.MAX_VALUE;
        Links.Builder out = new Links.Builder(n, StoryClusterer.NOTHING_IN_COMMON);
        Set<Long> seen = new HashSet<>();
        for (int[] posting : postings()) {
            for (int x = 0; x < posting.length; x++) {
                for (int y = x + 1; y < posting.length; y++) {
                    int i = Math.min(posting[x], posting[y]);
                    int j = Math.max(posting[x], posting[y]);
                    if (i == j || Math.abs(seconds[i] - seconds[j]) > maxApart || !seen.add((long) i * n + j)) {
                        continue;
                    }
                    out.consider(i, j, probability(i, j), model.threshold());
                }
            }
        }
        double floor = model.minSimilarityWithoutNames(Math.min(24, maxApart / 3600));
        if (Double.isFinite(floor) && floor < 1) {
            int cutoff = vectors.hammingCutoff(floor, SKETCH_SIGMAS);
            List<long[]> rows = IntStream.range(0, n)
                    .parallel()
                    .mapToObj(i -> bySimilarity(i, cutoff, floor, maxApart, seen))
                    .toList();
            for (long[] row : rows) {
                for (long pair : row) {
                    int i = (int) (pair >>> 32);
                    int j = (int) pair;
                    out.consider(i, j, probability(i, j), model.threshold());
                }
            }
        }
        return out.build();
    }

    /** Pairs (i, j > i) not yet seen whose similarity could be enough on its own. */
    private long[] bySimilarity(int i, int cutoff, double floor, double maxApart, Set<Long> seen) {
        if (!vectors.has(i)) {
            return new long[0];
        }
        int n = size();
        long[] out = new long[4];
        int size = 0;
        for (int j = i + 1; j < n; j++) {
            if (vectors.hamming(i, j) <= cutoff
                    && Math.abs(seconds[i] - seconds[j]) <= maxApart
                    && vectors.similarity(i, j) >= floor
                    && !seen.contains((long) i * n + j)) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = ((long) i << 32) | j;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** Units that share a name, a lead, a link or a reply/quote target: the pairs with more than similarity. */
    private List<int[]> postings() {
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int u = 0; u < size(); u++) {
            for (String k : names.keysOf(u)) {
                byKey.computeIfAbsent("n:" + k, x -> new ArrayList<>()).add(u);
            }
            for (String k : names.ledWith(u)) {
                byKey.computeIfAbsent("l:" + k, x -> new ArrayList<>()).add(u);
            }
            for (String k : links[u]) {
                byKey.computeIfAbsent("u:" + k, x -> new ArrayList<>()).add(u);
            }
            for (String k : ids[u]) {
                byKey.computeIfAbsent("p:" + k, x -> new ArrayList<>()).add(u);
            }
            for (String k : refs[u]) {
                byKey.computeIfAbsent("p:" + k, x -> new ArrayList<>()).add(u);
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> units : byKey.values()) {
            if (units.size() > 1) {
                out.add(units.stream().mapToInt(Integer::intValue).distinct().toArray());
            }
        }
        return out;
    }

    private boolean refersTo(int i, int j) {
        for (String r : refs[i]) {
            if (ids[j].contains(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A link as the page it names: no scheme, query, fragment or trailing slash, lower-case host; X
     * status links and shorteners say nothing about the page (null).
     */
    static String linkKey(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim().replaceFirst("^(?i)https?://", "").replaceFirst("^(?i)www\\.", "");
        int cut = u.length();
        for (char c : new char[] {'?', '#'}) {
            int at = u.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        u = u.substring(0, cut);
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        int slash = u.indexOf('/');
        String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (host.isEmpty() || slash < 0 || host.equals("t.co") || host.equals("x.com") || host.equals("twitter.com")) {
            return null;
        }
        return host + u.substring(slash);
    }

    private static String[] sorted(Set<String> s) {
        String[] out = s.toArray(String[]::new);
        Arrays.sort(out);
        return out;
    }

    /** The first key two sorted arrays share, or null. */
    static String firstCommon(String[] a, String[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) {
                return a[i];
            }
            if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return null;
    }
}
