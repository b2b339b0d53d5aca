package dev.aidigest.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A line-by-line port of the corpus's {@code score.py} ({@code score(pred, lab)}): the same metrics, the
 * same counts and the same warnings, summed in the same order, so both agree to rounding. Checked
 * against the Python original by {@code StoryScoresTest}; change both or neither.
 */
public final class StoryScores {

    public static final String PAIRWISE_PRECISION = "pairwise_precision";
    public static final String PAIRWISE_RECALL = "pairwise_recall";
    public static final String PAIRWISE_F1 = "pairwise_f1";
    public static final String BCUBED_PRECISION = "bcubed_precision";
    public static final String BCUBED_RECALL = "bcubed_recall";
    public static final String BCUBED_F1 = "bcubed_f1";
    public static final String MULTI_AUTHOR_RECALL = "multi_author_story_recall";
    public static final String MULTI_AUTHOR_RECALL_STRICT = "multi_author_story_recall_strict";
    public static final String STORY_EXACT_RECALL = "story_exact_recall";
    public static final String STORY_POSTS_KEPT = "story_posts_kept";
    public static final String NOISE_KEPT_OUT = "noise_kept_out";
    public static final String OUTSIDE_WINDOW_KEPT_OUT = "outside_window_kept_out";
    public static final String FOLLOWUP_WITH_NEWS_KEPT = "followup_with_news_kept";
    public static final String REPEAT_NO_NEWS_DROPPED = "repeat_no_news_dropped";
    public static final String NEAR_MISS_KEPT_APART = "near_miss_kept_apart";
    public static final String UNKNOWN_IDS = "unknown_ids_ignored";

    private StoryScores() {}

    /**
     * What {@code score.py} prints with {@code --json}.
     *
     * @param metrics  metric name → value, in {@code score.py}'s order
     * @param counts   count name → value, in {@code score.py}'s order ({@value #UNKNOWN_IDS} among them)
     * @param warnings posts in two clusters, or both kept and dropped
     */
    public record Score(Map<String, Double> metrics, Map<String, Integer> counts, List<String> warnings) {
        public Score {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            warnings = List.copyOf(warnings);
        }

        public double get(String metric) {
            return Objects.requireNonNull(metrics.get(metric), metric);
        }

        public int count(String name) {
            return Objects.requireNonNull(counts.get(name), name);
        }
    }

    /** Scores {@code pred} against {@code lab}. */
    public static Score score(Prediction pred, Labels lab) {
        Map<String, String> storyOf = lab.storyOfPost();
        Map<String, String> dropKind = new LinkedHashMap<>();
        lab.noise().keySet().forEach(i -> dropKind.put(i, "noise"));
        lab.outsideWindow().forEach(i -> dropKind.put(i, "outside"));
        lab.repeatNoNews().forEach(i -> dropKind.put(i, "repeat"));
        Set<String> known = new HashSet<>(storyOf.keySet());
        known.addAll(dropKind.keySet());

        List<String> warnings = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        Map<String, Integer> clusterOf = new HashMap<>();
        List<List<String>> clusters = new ArrayList<>();
        for (List<String> c : pred.clusters()) {
            List<String> members = new ArrayList<>();
            for (String i : c) {
                if (!known.contains(i)) {
                    unknown.add(i);
                    continue;
                }
                if (clusterOf.containsKey(i)) {
                    warnings.add("post " + i + " is in more than one cluster; first one kept");
                    continue;
                }
                clusterOf.put(i, clusters.size());
                members.add(i);
            }
            if (!members.isEmpty()) {
                clusters.add(members);
            }
        }
        for (String i : pred.dropped()) {
            if (clusterOf.containsKey(i)) {
                warnings.add("post " + i + " is both in a cluster and dropped; counted as kept");
            } else if (!known.contains(i)) {
                unknown.add(i);
            }
        }

        // pairwise precision / recall / F1 over same-story pairs (all kept posts take part)
        Set<List<String>> goldPairs = new HashSet<>();
        lab.stories().values().forEach(s -> goldPairs.addAll(pairs(s.posts())));
        Set<List<String>> predPairs = new HashSet<>();
        clusters.forEach(c -> predPairs.addAll(pairs(c)));
        Set<List<String>> hits = new HashSet<>(goldPairs);
        hits.retainAll(predPairs);
        double pwP = ratio(hits.size(), predPairs.size());
        double pwR = ratio(hits.size(), goldPairs.size());

        // B-cubed over story posts; a dropped story post is its own singleton
        double bp = 0;
        double br = 0;
        for (Map.Entry<String, String> e : storyOf.entrySet()) {
            List<String> c =
                    clusterOf.containsKey(e.getKey()) ? clusters.get(clusterOf.get(e.getKey())) : List.of(e.getKey());
            Set<String> gold = new HashSet<>(lab.stories().get(e.getValue()).posts());
            long same =
                    c.stream().filter(j -> e.getValue().equals(storyOf.get(j))).count();
            bp += (double) same / c.size();
            br += (double) same / gold.size();
        }
        int n = storyOf.size();
        double b3P = ratio(bp, n);
        double b3R = ratio(br, n);

        List<String> multi = lab.stories().values().stream()
                .filter(Labels.LabelledStory::multiAuthor)
                .map(Labels.LabelledStory::id)
                .toList();
        int ma = 0;
        int maStrict = 0;
        for (String sid : multi) {
            ma += whole(lab, storyOf, clusterOf, clusters, sid, false) ? 1 : 0;
            maStrict += whole(lab, storyOf, clusterOf, clusters, sid, true) ? 1 : 0;
        }
        int all = 0;
        for (String sid : lab.stories().keySet()) {
            all += whole(lab, storyOf, clusterOf, clusters, sid, false) ? 1 : 0;
        }

        int[] noise = keptOut(dropKind, clusterOf, "noise");
        int[] outside = keptOut(dropKind, clusterOf, "outside");
        int[] repeat = keptOut(dropKind, clusterOf, "repeat");

        int fuKept = 0;
        for (Labels.Followup fu : lab.followups()) {
            fuKept += lab.stories().get(fu.story()).posts().stream().anyMatch(clusterOf::containsKey) ? 1 : 0;
        }

        int apart = 0;
        for (Labels.NearMiss nm : lab.nearMisses()) {
            Set<Integer> ca = clustersOf(side(lab, nm.a()), clusterOf);
            ca.retainAll(clustersOf(side(lab, nm.b()), clusterOf));
            apart += ca.isEmpty() ? 1 : 0;
        }

        long storyKept =
                storyOf.keySet().stream().filter(clusterOf::containsKey).count();
        Map<String, Double> res = new LinkedHashMap<>();
        res.put(PAIRWISE_PRECISION, pwP);
        res.put(PAIRWISE_RECALL, pwR);
        res.put(PAIRWISE_F1, f1(pwP, pwR));
        res.put(BCUBED_PRECISION, b3P);
        res.put(BCUBED_RECALL, b3R);
        res.put(BCUBED_F1, f1(b3P, b3R));
        res.put(MULTI_AUTHOR_RECALL, ratio(ma, multi.size()));
        res.put(MULTI_AUTHOR_RECALL_STRICT, ratio(maStrict, multi.size()));
        res.put(STORY_EXACT_RECALL, ratio(all, lab.stories().size()));
        res.put(STORY_POSTS_KEPT, ratio(storyKept, n));
        res.put(NOISE_KEPT_OUT, ratio(noise[0], noise[1]));
        res.put(OUTSIDE_WINDOW_KEPT_OUT, ratio(outside[0], outside[1]));
        res.put(FOLLOWUP_WITH_NEWS_KEPT, ratio(fuKept, lab.followups().size()));
        res.put(REPEAT_NO_NEWS_DROPPED, ratio(repeat[0], repeat[1]));
        res.put(NEAR_MISS_KEPT_APART, ratio(apart, lab.nearMisses().size()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("stories", lab.stories().size());
        counts.put("multi_author_stories", multi.size());
        counts.put("story_posts", n);
        counts.put("noise", noise[1]);
        counts.put("outside_window", outside[1]);
        counts.put("repeat_no_news", repeat[1]);
        counts.put("followup_news", lab.followups().size());
        counts.put("near_miss", lab.nearMisses().size());
        counts.put("predicted_clusters", clusters.size());
        counts.put(UNKNOWN_IDS, unknown.size());
        return new Score(res, counts, warnings);
    }

    /** Every story post in one cluster with no post of another story ({@code strict}: with nothing else). */
    private static boolean whole(
            Labels lab,
            Map<String, String> storyOf,
            Map<String, Integer> clusterOf,
            List<List<String>> clusters,
            String sid,
            boolean strict) {
        List<String> posts = lab.stories().get(sid).posts();
        if (!clusterOf.containsKey(posts.get(0))) {
            return false;
        }
        List<String> c = clusters.get(clusterOf.get(posts.get(0)));
        if (!new HashSet<>(c).containsAll(posts)) {
            return false;
        }
        List<String> others = c.stream().filter(j -> !posts.contains(j)).toList();
        return strict ? others.isEmpty() : others.stream().noneMatch(storyOf::containsKey);
    }

    /** {kept out, of how many} for one kind of post that should produce nothing. */
    private static int[] keptOut(Map<String, String> dropKind, Map<String, Integer> clusterOf, String kind) {
        int out = 0;
        int of = 0;
        for (Map.Entry<String, String> e : dropKind.entrySet()) {
            if (e.getValue().equals(kind)) {
                of++;
                out += clusterOf.containsKey(e.getKey()) ? 0 : 1;
            }
        }
        return new int[] {out, of};
    }

    private static Set<String> side(Labels lab, String x) {
        Labels.LabelledStory s = lab.stories().get(x);
        return s != null ? new LinkedHashSet<>(s.posts()) : Set.of(x);
    }

    private static Set<Integer> clustersOf(Set<String> posts, Map<String, Integer> clusterOf) {
        Set<Integer> out = new HashSet<>();
        posts.stream().filter(clusterOf::containsKey).forEach(i -> out.add(clusterOf.get(i)));
        return out;
    }

    /** Python's {@code tuple(sorted(p)) for p in combinations(ids, 2)}. */
    private static Set<List<String>> pairs(List<String> ids) {
        Set<List<String>> out = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                out.add(a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a));
            }
        }
        return out;
    }

    static double ratio(double num, double den) {
        return den == 0 ? 1.0 : num / den;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
