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
 * <p>A window of 5,000 posts has 12.5 million pairs. Pairs that share a name, a lead, a link or
 * a rare word are few and found through their postings; every other pair can only be linked on
 * similarity, so it is screened first by sketch Hamming distance against the lowest similarity at
 * which the model could link it ({@link StoryModel#minSimilarityWithoutNames}).
 */
final class PairScorer {

    /** Sketch screening margin in standard deviations (theoretical σ; measured σ is 20% smaller). */
    private static final double SKETCH_SIGMAS = 3.0;

    private final CentredVectors vectors;
    private final EntityIndex names;
    private final WordVectors words;
    private final StoryModel model;
    private final long[] seconds;
    private final int[][] authors;
    private final int[][] links;
    private final int[][] leads;
    private final boolean[] cjk;

    PairScorer(List<ThreadUnit> units, CentredVectors vectors, EntityIndex names, WordVectors words, StoryModel model) {
        int n = units.size();
        this.vectors = vectors;
        this.names = names;
        this.words = words;
        this.model = model;
        this.seconds = new long[n];
        this.authors = new int[n][];
        this.links = new int[n][];
        this.leads = new int[n][];
        this.cjk = new boolean[n];
        // every key is an int, so comparing two units is a merge of sorted int arrays
        Map<String, Integer> dict = new HashMap<>();
        for (int u = 0; u < n; u++) {
            ThreadUnit unit = units.get(u);
            seconds[u] = unit.start().getEpochSecond();
            cjk[u] = vectors.cjk(u);
            Set<Integer> a = new HashSet<>();
            Set<Integer> l = new HashSet<>();
            for (StoredPost sp : unit.posts()) {
                Post p = sp.post();
                a.add(id(dict, "a:" + p.authorHandle().toLowerCase(Locale.ROOT)));
                for (String link : p.links()) {
                    String k = linkKey(link);
                    if (k != null) {
                        l.add(id(dict, "u:" + k));
                    }
                }
            }
            Set<Integer> lead = new HashSet<>();
            for (String k : names.ledWith(u)) {
                lead.add(id(dict, "l:" + k));
            }
            authors[u] = sorted(a);
            links[u] = sorted(l);
            leads[u] = sorted(lead);
        }
    }

    private static int id(Map<String, Integer> dict, String key) {
        return dict.computeIfAbsent(key, k -> dict.size());
    }

    int size() {
        return seconds.length;
    }

    PairEvidence evidence(int i, int j) {
        float sim = similarity(i, j);
        double name = names.shared(i, j);
        return new PairEvidence(
                sim,
                (float) name,
                name > 0 ? names.sharedKey(i, j) : null,
                (float) words.cosine(i, j, cjk[i] != cjk[j]),
                common(leads[i], leads[j]),
                names.subjectsClash(i, j),
                common(authors[i], authors[j]),
                common(links[i], links[j]),
                hours(i, j),
                cjk[i] != cjk[j]);
    }

    private float similarity(int i, int j) {
        return vectors.has(i) && vectors.has(j) ? vectors.similarity(i, j) : 0f;
    }

    private float hours(int i, int j) {
        return Math.abs(seconds[i] - seconds[j]) / 3600f;
    }

    double threshold() {
        return model.threshold();
    }

    /**
     * {@code model.probability(evidence(i, j))}, without building the evidence. Most pairs a window
     * scores have nothing in common ({@link StoryClusterer#NOTHING_IN_COMMON}) whatever their words:
     * those are scored without comparing their words, and come out below that probability either way.
     */
    double probability(int i, int j) {
        boolean cross = cjk[i] != cjk[j];
        double sim = similarity(i, j);
        double name = names.shared(i, j);
        boolean lead = common(leads[i], leads[j]);
        boolean clash = names.subjectsClash(i, j);
        boolean author = common(authors[i], authors[j]);
        boolean link = common(links[i], links[j]);
        float apart = hours(i, j);
        double z = model.logit(sim, name, 0, lead, clash, author, link, apart, cross);
        if (z + model.mostFromWords(cross) >= NOTHING_LOGIT) {
            z += model.wordsLogit(words.cosine(i, j, cross), cross);
        }
        return StoryModel.sigmoid(z);
    }

    private static final double NOTHING_LOGIT =
            Math.log(StoryClusterer.NOTHING_IN_COMMON / (1 - StoryClusterer.NOTHING_IN_COMMON));

    /** Every pair the model links, no further apart than {@code maxHoursApart} (≤ 0: no bound). */
    Links links(double maxHoursApart) {
        int n = size();
        double maxApart = maxHoursApart > 0 ? maxHoursApart * 3600 : Double.MAX_VALUE;
        Links.Builder out = new Links.Builder(n, StoryClusterer.NOTHING_IN_COMMON);
        long[] named = postingPairs(maxApart);
        double[] p = IntStream.range(0, named.length)
                .parallel()
                .mapToDouble(k -> probability((int) (named[k] >>> 32), (int) named[k]))
                .toArray();
        for (int k = 0; k < named.length; k++) {
            out.consider((int) (named[k] >>> 32), (int) named[k], p[k], model.threshold());
        }
        double floor = model.minSimilarityWithoutNames(Math.min(24, maxApart / 3600));
        if (Double.isFinite(floor) && floor < 1) {
            int cutoff = vectors.hammingCutoff(floor, SKETCH_SIGMAS);
            List<long[]> rows = IntStream.range(0, n)
                    .parallel()
                    .mapToObj(i -> bySimilarity(i, cutoff, floor, maxApart, named))
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
    private long[] bySimilarity(int i, int cutoff, double floor, double maxApart, long[] named) {
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
                    && Arrays.binarySearch(named, ((long) i << 32) | j) < 0) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = ((long) i << 32) | j;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /**
     * The pairs (i &lt; j, as {@code i << 32 | j}, sorted, each once) of units that share a name, a
     * lead, a link or a rare word, no further apart than {@code maxApart} seconds: the pairs
     * with more than similarity.
     */
    private long[] postingPairs(double maxApart) {
        double maxHours = Math.min(24, maxApart / 3600);
        Map<Integer, List<Integer>> strong = new HashMap<>();
        for (int u = 0; u < size(); u++) {
            for (int k : links[u]) {
                strong.computeIfAbsent(k, x -> new ArrayList<>()).add(u);
            }
        }
        Map<Integer, List<Integer>> byLead = new HashMap<>();
        Map<Integer, List<Integer>> byName = new HashMap<>();
        Map<Integer, List<Integer>> byWord = new HashMap<>();
        for (int u = 0; u < size(); u++) {
            for (int k : leads[u]) {
                byLead.computeIfAbsent(k, x -> new ArrayList<>()).add(u);
            }
            for (int id : names.ids(u)) {
                byName.computeIfAbsent(id, x -> new ArrayList<>()).add(u);
            }
            for (int id : names.authorIds(u)) {
                byName.computeIfAbsent(id, x -> new ArrayList<>()).add(u);
            }
            for (int id : words.postings(u)) {
                byWord.computeIfAbsent(id, x -> new ArrayList<>()).add(u);
            }
        }
        // A shared lead or name can only make up for so much similarity: pairs of a big posting (a
        // company many posts lead with) are screened by sketch against the similarity they would
        // still need, so a window where 2,000 posts lead with one name does not score 2 million pairs.
        double lead = Math.max(0, model.weight("lead"));
        double name = Math.max(0, model.weight("name"));
        double word = Math.max(0, model.weight("words")) + Math.max(0, model.weight("words_cross_script"));
        PairList out = new PairList();
        strong.values().forEach(us -> out.addPairs(us, maxApart, -1));
        byWord.values().forEach(us -> out.addPairs(us, maxApart, cutoff(lead + name + word, maxHours)));
        byLead.values().forEach(us -> out.addPairs(us, maxApart, cutoff(lead + name, maxHours)));
        byName.forEach((id, us) -> out.addPairs(us, maxApart, cutoff(lead + name * names.rarity(id), maxHours)));
        long[] pairs = out.sorted();
        int unique = 0;
        for (int k = 0; k < pairs.length; k++) {
            if (k == 0 || pairs[k] != pairs[k - 1]) {
                pairs[unique++] = pairs[k];
            }
        }
        return Arrays.copyOf(pairs, unique);
    }

    /** The sketch cutoff for pairs whose other evidence adds at most {@code extra}; −1: no screen. */
    private int cutoff(double extra, double maxHours) {
        double floor = model.minSimilarity(extra, maxHours);
        return Double.isFinite(floor) && floor > -1 ? vectors.hammingCutoff(floor, SKETCH_SIGMAS) : -1;
    }

    /** A growable list of unit pairs, {@code i << 32 | j} with i &lt; j. */
    private final class PairList {
        private long[] out = new long[64];
        private int size;

        /** The pairs of {@code posting} close enough in time and, if {@code cutoff >= 0}, by sketch. */
        void addPairs(List<Integer> posting, double maxApart, int cutoff) {
            int[] us = posting.stream()
                    .mapToInt(Integer::intValue)
                    .distinct()
                    .sorted()
                    .toArray();
            for (int x = 0; x < us.length; x++) {
                for (int y = x + 1; y < us.length; y++) {
                    int i = us[x];
                    int j = us[y];
                    if (Math.abs(seconds[i] - seconds[j]) > maxApart) {
                        continue;
                    }
                    if (cutoff >= 0 && vectors.has(i) && vectors.has(j) && vectors.hamming(i, j) > cutoff) {
                        continue;
                    }
                    if (size == out.length) {
                        out = Arrays.copyOf(out, size * 2);
                    }
                    out[size++] = ((long) i << 32) | j;
                }
            }
        }

        long[] sorted() {
            long[] pairs = Arrays.copyOf(out, size);
            Arrays.sort(pairs);
            return pairs;
        }
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

    private static int[] sorted(Set<Integer> s) {
        return s.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** True when two sorted int arrays share a value. */
    static boolean common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
