package dev.aidigest.eval;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.cluster.Clustering;
import dev.aidigest.digest.cluster.StoryModel;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Explains one window's result in words, for whoever tunes the engine: the labelled multi-author stories
 * that were not recovered and where each of their posts went (left out by the filter and why, left out
 * by the repeat guard, or in which cluster, with a few words of text), clusters that merge labelled
 * stories, noise that was kept, near-miss pairs that a cluster spans and follow-ups that vanished.
 * Clusters are the candidates (after the repeat guard), numbered best first as {@code #1, #2, …}.
 */
public final class Diagnosis {

    private static final int SNIPPET = 72;

    private final WindowRun run;
    private final Labels lab;
    private final Map<String, String> storyOf;
    private final List<List<String>> clusters;
    private final Map<String, Integer> clusterOf = new HashMap<>();
    private final Set<String> itemPosts = new LinkedHashSet<>();
    /** Failure kind → how many times it happened in this window. */
    private final Map<String, Integer> kinds = new LinkedHashMap<>();

    private Diagnosis(WindowRun run) {
        this.run = run;
        this.lab = run.labels();
        this.storyOf = lab.storyOfPost();
        this.clusters = run.clusters(WindowRun.View.CANDIDATES);
        for (int i = 0; i < clusters.size(); i++) {
            for (String id : clusters.get(i)) {
                clusterOf.putIfAbsent(id, i);
            }
        }
        run.clusters(WindowRun.View.ITEMS).forEach(itemPosts::addAll);
    }

    /** The diagnosis of one window, as text. */
    public static String of(WindowRun run) {
        return new Diagnosis(run).text();
    }

    /** How often each kind of failure happened in {@code run} (for a summary over windows). */
    public static Map<String, Integer> kinds(WindowRun run) {
        Diagnosis d = new Diagnosis(run);
        d.text();
        return d.kinds;
    }

    private String text() {
        kinds.clear();
        StringBuilder out = new StringBuilder();
        header(out);
        missedStories(out);
        overMerged(out);
        keptButShouldNot(out);
        nearMisses(out);
        followups(out);
        otherStories(out);
        notPicked(out);
        return out.toString();
    }

    private void header(StringBuilder out) {
        var b = run.build();
        Map<String, Integer> dropped = new LinkedHashMap<>();
        b.filtered().dropped().forEach((r, n) -> {
            if (n > 0) {
                dropped.put(r.name(), n);
            }
        });
        out.append(String.format(
                Locale.ROOT,
                "== %s: %d posts in the file, %d in the window, %d kept by the filter (left out %s), %d stories,"
                        + " %d candidates after the repeat guard, %d items; previous digest %s had %d items%n",
                lab.slot(),
                run.filePosts().size(),
                run.inWindow().size(),
                b.filtered().kept().size(),
                dropped,
                b.stories().size(),
                b.candidates().size(),
                b.digest().items().size(),
                run.previous().slot().name(),
                run.previous().items().size()));
    }

    private void missedStories(StringBuilder out) {
        List<Labels.LabelledStory> missed = lab.stories().values().stream()
                .filter(Labels.LabelledStory::multiAuthor)
                .filter(s -> !whole(s))
                .toList();
        long multi = lab.stories().values().stream()
                .filter(Labels.LabelledStory::multiAuthor)
                .count();
        out.append(
                String.format(Locale.ROOT, "-- multi-author stories not recovered: %d of %d%n", missed.size(), multi));
        for (Labels.LabelledStory s : missed) {
            out.append(String.format(
                    Locale.ROOT,
                    "  [%s] %s (%d posts, %d authors): %s%n",
                    s.id(),
                    cut(s.title(), 80),
                    s.posts().size(),
                    s.authors().size(),
                    String.join("; ", why(s))));
            for (String id : s.posts()) {
                out.append("      ").append(postLine(id)).append('\n');
            }
            pieces(out, s);
        }
    }

    /**
     * For a story spread over clusters: how close each smaller piece is to the rest of the story, in
     * the clusterer's own measure, so a reader sees whether it fell short of {@code the similarity that links alone}
     * or a group rule kept it apart.
     */
    private void pieces(StringBuilder out, Labels.LabelledStory s) {
        Map<Integer, List<String>> byCluster = new LinkedHashMap<>();
        for (String id : s.posts()) {
            if (clusterOf.containsKey(id)) {
                byCluster
                        .computeIfAbsent(clusterOf.get(id), k -> new ArrayList<>())
                        .add(id);
            }
        }
        if (byCluster.size() < 2) {
            return;
        }
        int largest = byCluster.entrySet().stream()
                .max((x, y) -> Integer.compare(x.getValue().size(), y.getValue().size()))
                .orElseThrow()
                .getKey();
        byCluster.forEach((c, piece) -> {
            if (c != largest) {
                List<String> rest = byCluster.entrySet().stream()
                        .filter(e -> !e.getKey().equals(c))
                        .flatMap(e -> e.getValue().stream())
                        .toList();
                Sim sim = similarity(piece, rest);
                count(
                        sim.above() == 0
                                ? "split piece: no pair with the rest reaches the similarity that links alone"
                                : "split piece: some pairs with the rest reach the similarity that links alone");
                out.append(String.format(
                        Locale.ROOT, "      piece #%d to the rest of the story: centred similarity %s%n", c + 1, sim));
                bestPair(piece, rest)
                        .ifPresent(l -> out.append(String.format(
                                Locale.ROOT,
                                "      its most probable pair with the rest: p %.2f (links at %.2f) with @%s: %s%n",
                                l.probability(),
                                run.build().clustering().threshold(),
                                l.other().post().authorHandle(),
                                l.evidence().describe())));
            }
        });
    }

    /**
     * Best and mean centred similarity over the pairs across two sets of posts, and how many pairs
     * reach {@code the similarity that links alone} on similarity alone (groups merge when more than half of their
     * pairs are linked; a shared rare name links at {@code entity_similarity} too).
     */
    private record Sim(double best, double mean, int above, int pairs, double merge) {
        @Override
        public String toString() {
            return pairs == 0
                    ? "n/a"
                    : String.format(
                            Locale.ROOT,
                            "best %.2f, mean %.2f; %d of %d pairs >= the similarity that links alone %.2f",
                            best,
                            mean,
                            above,
                            pairs,
                            merge);
        }
    }

    /** The pair across two sets of posts that the story model found most probable. */
    private java.util.Optional<Clustering.Link> bestPair(List<String> as, List<String> bs) {
        Clustering.Link best = null;
        for (String a : as) {
            StoredPost pa = stored(a);
            for (String b : bs) {
                StoredPost pb = stored(b);
                if (pa == null || pb == null) {
                    continue;
                }
                var l = run.build().clustering().between(pa, pb);
                if (l.isPresent() && (best == null || l.get().probability() > best.probability())) {
                    best = l.get();
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private StoredPost stored(String tweetId) {
        return run.inWindow().stream()
                .filter(p -> p.post().platformId().equals(tweetId))
                .findFirst()
                .orElse(null);
    }

    private Sim similarity(List<String> as, List<String> bs) {
        double merge = StoryModel.bundled().similarityAlone();
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int n = 0;
        int above = 0;
        for (String a : as) {
            for (String b : bs) {
                var sim = run.similarity().between(a, b);
                if (sim.isPresent()) {
                    best = Math.max(best, sim.getAsDouble());
                    sum += sim.getAsDouble();
                    n++;
                    above += sim.getAsDouble() >= merge ? 1 : 0;
                }
            }
        }
        return new Sim(best, n == 0 ? 0 : sum / n, above, n, merge);
    }

    /** Why a labelled story is not one clean cluster; also counts each reason in {@link #kinds}. */
    private List<String> why(Labels.LabelledStory s) {
        List<String> reasons = new ArrayList<>();
        Map<String, Integer> filtered = new TreeMap<>();
        int guarded = 0;
        int missing = 0;
        Set<Integer> in = new LinkedHashSet<>();
        for (String id : s.posts()) {
            if (clusterOf.containsKey(id)) {
                in.add(clusterOf.get(id));
            } else if (run.filtered().containsKey(id)) {
                filtered.merge(run.filtered().get(id).name(), 1, Integer::sum);
            } else if (run.storyOf(id) != null) {
                guarded++;
            } else {
                missing++;
            }
        }
        if (!filtered.isEmpty()) {
            reasons.add("posts left out by the filter " + filtered);
            count("story posts left out by the filter");
        }
        if (guarded > 0) {
            reasons.add(posts(guarded) + " left out by the repeat guard");
            count("story posts left out by the repeat guard");
        }
        if (missing > 0) {
            reasons.add(posts(missing) + " not in the window");
            count("story posts not in the window");
        }
        if (in.size() > 1) {
            reasons.add("split over " + in.size() + " clusters");
            count("story split over clusters");
        }
        Set<String> others = new LinkedHashSet<>();
        for (int c : in) {
            for (String j : clusters.get(c)) {
                String other = storyOf.get(j);
                if (other != null && !other.equals(s.id())) {
                    others.add(other);
                }
            }
        }
        if (!others.isEmpty()) {
            reasons.add("merged with " + others);
            count("story merged with another story");
        }
        if (reasons.isEmpty()) {
            reasons.add("?");
        }
        return reasons;
    }

    private void overMerged(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<String, Integer> comp = composition(clusters.get(c));
            long labelled =
                    comp.keySet().stream().filter(lab.stories()::containsKey).count();
            if (labelled > 1) {
                count("cluster merging labelled stories");
                StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "  #%d %s%n", c + 1, comp));
                Map<String, List<String>> byLabel = new LinkedHashMap<>();
                for (String id : clusters.get(c)) {
                    l.append("      [")
                            .append(label(id))
                            .append("] ")
                            .append(brief(id))
                            .append('\n');
                    byLabel.computeIfAbsent(label(id), k -> new ArrayList<>()).add(id);
                }
                List<String> stories = byLabel.keySet().stream()
                        .filter(lab.stories()::containsKey)
                        .toList();
                for (int i = 0; i < stories.size(); i++) {
                    for (int j = i + 1; j < stories.size(); j++) {
                        l.append(String.format(
                                Locale.ROOT,
                                "      %s | %s: centred similarity %s%n",
                                stories.get(i),
                                stories.get(j),
                                similarity(byLabel.get(stories.get(i)), byLabel.get(stories.get(j)))));
                    }
                }
                lines.add(l.toString());
            }
        }
        out.append(String.format(Locale.ROOT, "-- clusters that merge labelled stories: %d%n", lines.size()));
        lines.forEach(out::append);
    }

    private void keptButShouldNot(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        lab.noise().forEach((id, why) -> {
            if (clusterOf.containsKey(id)) {
                count("noise kept");
                if (itemPosts.contains(id)) {
                    count("noise kept in the items");
                }
                lines.add("  noise (" + why + ") " + postLine(id) + withOthers(id));
            }
        });
        for (String id : lab.outsideWindow()) {
            if (clusterOf.containsKey(id)) {
                count("outside-window post kept");
                lines.add("  outside the window " + postLine(id) + withOthers(id));
            }
        }
        for (String id : lab.repeatNoNews()) {
            if (clusterOf.containsKey(id)) {
                count("repeat without news kept");
                lines.add("  repeat of " + lab.repeatOf().get(id) + " " + postLine(id) + withOthers(id));
            }
        }
        out.append(String.format(
                Locale.ROOT, "-- kept but should produce nothing (noise, outside, repeats): %d%n", lines.size()));
        lines.forEach(l -> out.append(l).append('\n'));
    }

    /** How close a kept post is to the rest of its cluster, and the link that most likely joined it, when it is not alone. */
    private String withOthers(String id) {
        List<String> others = clusters.get(clusterOf.get(id)).stream()
                .filter(j -> !j.equals(id))
                .toList();
        if (others.isEmpty()) {
            return "";
        }
        return "; to the rest of its cluster: " + similarity(List.of(id), others)
                + bestPair(List.of(id), others)
                        .map(l -> String.format(
                                Locale.ROOT,
                                "; most probable pair p %.2f with @%s: %s",
                                l.probability(),
                                l.other().post().authorHandle(),
                                l.evidence().describe()))
                        .orElse("");
    }

    private void nearMisses(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        for (Labels.NearMiss nm : lab.nearMisses()) {
            Set<Integer> a = clustersOfSide(nm.a());
            a.retainAll(clustersOfSide(nm.b()));
            if (!a.isEmpty()) {
                count("near-miss pair spanned");
                List<String> where = a.stream().map(c -> "#" + (c + 1)).toList();
                lines.add(String.format(Locale.ROOT, "  %s ~ %s in %s: %s", nm.a(), nm.b(), where, nm.why()));
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "-- near-miss pairs spanned: %d of %d%n",
                lines.size(),
                lab.nearMisses().size()));
        lines.forEach(l -> out.append(l).append('\n'));
    }

    private void followups(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        int lost = 0;
        for (Labels.Followup fu : lab.followups()) {
            Labels.LabelledStory s = lab.stories().get(fu.story());
            if (s.posts().stream().noneMatch(clusterOf::containsKey)) {
                lost++;
                count("follow-up with news lost");
                lines.add(
                        "  [" + fu.story() + "] continues " + fu.previousStory() + " with: " + cut(fu.whatIsNew(), 90));
                s.posts().forEach(id -> lines.add("      " + postLine(id)));
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "-- follow-ups with news lost: %d of %d%n",
                lost,
                lab.followups().size()));
        lines.forEach(l -> out.append(l).append('\n'));
    }

    private void otherStories(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        for (Labels.LabelledStory s : lab.stories().values()) {
            if (!s.multiAuthor() && !whole(s)) {
                count(s.kind() + " story not exact");
                lines.add(String.format(
                        Locale.ROOT,
                        "  [%s] %s (%s, %s): %s",
                        s.id(),
                        cut(s.title(), 60),
                        s.kind(),
                        posts(s.posts().size()),
                        String.join("; ", why(s))));
            }
        }
        out.append(String.format(Locale.ROOT, "-- threads and single posts not exact: %d%n", lines.size()));
        lines.forEach(l -> out.append(l).append('\n'));
    }

    private void notPicked(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        for (Labels.LabelledStory s : lab.stories().values()) {
            if (s.multiAuthor() && whole(s) && s.posts().stream().noneMatch(itemPosts::contains)) {
                count("recovered story not among the items");
                lines.add(String.format(
                        Locale.ROOT,
                        "  [%s] candidate #%d: %s",
                        s.id(),
                        clusterOf.get(s.posts().get(0)) + 1,
                        cut(s.title(), 80)));
            }
        }
        out.append(String.format(
                Locale.ROOT, "-- recovered multi-author stories that did not make the items: %d%n", lines.size()));
        lines.forEach(l -> out.append(l).append('\n'));
    }

    /** {@code score.py}'s test: every post in one cluster with no post of another labelled story. */
    private boolean whole(Labels.LabelledStory s) {
        Integer c = clusterOf.get(s.posts().get(0));
        if (c == null || !clusters.get(c).containsAll(s.posts())) {
            return false;
        }
        return clusters.get(c).stream().filter(j -> !s.posts().contains(j)).noneMatch(storyOf::containsKey);
    }

    private Set<Integer> clustersOfSide(String side) {
        Labels.LabelledStory s = lab.stories().get(side);
        List<String> posts = s != null ? s.posts() : List.of(side);
        Set<Integer> out = new LinkedHashSet<>();
        posts.stream().filter(clusterOf::containsKey).forEach(id -> out.add(clusterOf.get(id)));
        return out;
    }

    /** label → how many posts of the cluster carry it. */
    private Map<String, Integer> composition(List<String> cluster) {
        Map<String, Integer> comp = new LinkedHashMap<>();
        cluster.forEach(id -> comp.merge(label(id), 1, Integer::sum));
        return comp;
    }

    private String label(String id) {
        if (storyOf.containsKey(id)) {
            return storyOf.get(id);
        }
        if (lab.noise().containsKey(id)) {
            return "noise";
        }
        if (lab.outsideWindow().contains(id)) {
            return "outside";
        }
        if (lab.repeatNoNews().contains(id)) {
            return "repeat";
        }
        return "unlabelled";
    }

    /** One post: its id, author, where it went and a few words. */
    private String postLine(String id) {
        return String.format(Locale.ROOT, "%s → %s", brief(id), where(id));
    }

    private String where(String id) {
        Integer c = clusterOf.get(id);
        if (c != null) {
            String picked = itemPosts.contains(id) ? "" : ", not in the items";
            return "#" + (c + 1) + " " + composition(clusters.get(c)) + picked;
        }
        PostFilter.Reason r = run.filtered().get(id);
        if (r != null) {
            return "left out by the filter: " + r;
        }
        Story s = run.storyOf(id);
        if (s != null) {
            return "left out by the repeat guard (a story of " + posts(s.posts().size()) + ")";
        }
        Post p = run.post(id);
        if (p == null) {
            return "not in the window file";
        }
        Instant at = p.createdAt();
        return "not in the window (created " + at + ")";
    }

    private String brief(String id) {
        Post p = run.post(id);
        if (p == null) {
            return id + " (unknown post)";
        }
        return String.format(Locale.ROOT, "%s @%s \"%s\"", id, p.authorHandle(), cut(p.text(), SNIPPET));
    }

    private void count(String kind) {
        kinds.merge(kind, 1, Integer::sum);
    }

    private static String posts(int n) {
        return n == 1 ? "1 post" : n + " posts";
    }

    static String cut(String text, int max) {
        String t = text.replaceAll("\\s+", " ").trim();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)) + "…";
    }
}
