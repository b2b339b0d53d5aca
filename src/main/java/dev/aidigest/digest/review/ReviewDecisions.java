package dev.aidigest.digest.review;

import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies a reviewer's answer where it is consistent and refuses the rest, saying why. Consistent
 * means: every story id exists and was shown, and is in at most one group; a group has two to
 * {@value #MAX_GROUP} stories; a removed post was shown as part of the story it is removed from, and
 * is not that story's lead (so no story is ever emptied). Removed posts become stories of their own;
 * a merged story keeps the lead of its best-ranked member. The result depends only on the input and
 * the set of decisions, not on their order in the answer, and holds every post exactly once.
 */
public final class ReviewDecisions {

    /**
     * The most stories one group may merge: a clustering that split one story into more pieces than
     * this did not almost get it right, and an answer that merges that much has more likely been
     * talked into it by a post than found it.
     */
    public static final int MAX_GROUP = 6;

    private ReviewDecisions() {}

    /**
     * @param top the top-ranked story ids, best first: a merged story keeps the lead of the member
     *            ranked highest (else of the member with the most posts, then the lowest id)
     */
    public static Reviewed apply(List<Story> stories, List<Integer> top, ShownStories shown, ReviewAnswer answer) {
        List<String> notes = new ArrayList<>();
        Map<Integer, Set<Long>> removed = removals(stories, shown, answer.notBelonging(), notes);
        List<List<Integer>> groups = groups(stories, shown, answer.same(), notes);
        if (removed.isEmpty() && groups.isEmpty()) {
            if (notes.isEmpty()) {
                notes.add("no change suggested");
            }
            return new Reviewed(stories, LlmUsage.NONE, notes);
        }
        int[] absorbedInto = new int[stories.size()];
        Arrays.fill(absorbedInto, -1);
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (List<Integer> g : groups) {
            int lead = leadMember(g, top, stories);
            List<Integer> rest = new ArrayList<>(new TreeSet<>(g));
            rest.remove(Integer.valueOf(lead));
            rest.forEach(m -> absorbedInto[m] = lead);
            members.put(lead, rest);
            notes.add("merged stories " + new TreeSet<>(g) + " (lead from story " + lead + ")");
        }
        List<Story> out = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            if (absorbedInto[i] >= 0) {
                continue;
            }
            List<StoredPost> posts = kept(stories.get(i), removed.get(i));
            for (int m : members.getOrDefault(i, List.of())) {
                posts.addAll(kept(stories.get(m), removed.get(m)));
            }
            out.add(new Story(posts));
        }
        removed.forEach((story, ids) -> {
            for (StoredPost p : stories.get(story).posts()) {
                if (ids.contains(p.id())) {
                    out.add(new Story(List.of(p)));
                    notes.add("moved post " + p.id() + " out of story " + story);
                }
            }
        });
        if (!samePosts(stories, out)) {
            // cannot happen with the checks above; if it ever does, no post may be lost for it
            return Reviewed.unchanged(
                    stories, LlmUsage.NONE, "refused the whole answer: it would lose or repeat a post");
        }
        return new Reviewed(out, LlmUsage.NONE, notes);
    }

    private static Map<Integer, Set<Long>> removals(
            List<Story> stories, ShownStories shown, List<ReviewAnswer.Removal> asked, List<String> notes) {
        Map<Integer, Set<Long>> removed = new TreeMap<>();
        for (ReviewAnswer.Removal r : asked) {
            String what = "refused moving post " + r.post() + " out of story " + r.story() + ": ";
            String why = null;
            if (r.story() < 0 || r.story() >= stories.size()) {
                why = "there is no story " + r.story();
            } else if (!shown.shows(r.story())) {
                why = "story " + r.story() + " was not shown";
            } else if (stories.get(r.story()).posts().stream().noneMatch(p -> p.id() == r.post())) {
                why = "it is not in that story";
            } else if (!shown.shows(r.story(), r.post())) {
                why = "it was not shown";
            } else if (stories.get(r.story()).lead().id() == r.post()) {
                why = "it is the story's lead post";
            }
            if (why != null) {
                notes.add(what + why);
            } else {
                removed.computeIfAbsent(r.story(), k -> new HashSet<>()).add(r.post());
            }
        }
        return removed;
    }

    private static List<List<Integer>> groups(
            List<Story> stories, ShownStories shown, List<List<Integer>> asked, List<String> notes) {
        List<List<Integer>> valid = new ArrayList<>();
        for (List<Integer> raw : asked) {
            List<Integer> g = new ArrayList<>(new LinkedHashSet<>(raw));
            String why = null;
            if (g.size() < 2) {
                why = "a merge needs two different stories";
            } else if (g.size() > MAX_GROUP) {
                why = "more than " + MAX_GROUP + " stories at once";
            } else {
                for (int id : g) {
                    if (id < 0 || id >= stories.size()) {
                        why = "there is no story " + id;
                        break;
                    }
                    if (!shown.shows(id)) {
                        why = "story " + id + " was not shown";
                        break;
                    }
                }
            }
            if (why != null) {
                notes.add("refused merging " + raw + ": " + why);
            } else {
                valid.add(g);
            }
        }
        Map<Integer, Integer> uses = new HashMap<>();
        valid.forEach(g -> g.forEach(id -> uses.merge(id, 1, Integer::sum)));
        List<List<Integer>> kept = new ArrayList<>();
        for (List<Integer> g : valid) {
            List<Integer> twice =
                    g.stream().filter(id -> uses.get(id) > 1).sorted().toList();
            if (twice.isEmpty()) {
                kept.add(g);
            } else {
                notes.add("refused merging " + g + ": story " + twice + " is in more than one group");
            }
        }
        return kept;
    }

    private static int leadMember(List<Integer> group, List<Integer> top, List<Story> stories) {
        for (Integer t : top) {
            if (group.contains(t)) {
                return t;
            }
        }
        int best = group.get(0);
        for (int id : group) {
            int size = stories.get(id).posts().size();
            int bestSize = stories.get(best).posts().size();
            if (size > bestSize || (size == bestSize && id < best)) {
                best = id;
            }
        }
        return best;
    }

    private static List<StoredPost> kept(Story story, Set<Long> removed) {
        List<StoredPost> posts = new ArrayList<>(story.posts());
        if (removed != null) {
            posts.removeIf(p -> removed.contains(p.id()));
        }
        return posts;
    }

    private static boolean samePosts(List<Story> before, List<Story> after) {
        List<Long> a = new ArrayList<>();
        before.forEach(s -> s.posts().forEach(p -> a.add(p.id())));
        List<Long> b = new ArrayList<>();
        after.forEach(s -> s.posts().forEach(p -> b.add(p.id())));
        a.sort(null);
        b.sort(null);
        return a.equals(b);
    }
}
