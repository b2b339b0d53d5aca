package dev.aidigest.digest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The growing stories during clustering: which group each unit is in, the members of each group,
 * and how many members mention each name, so a group's subject is known.
 *
 * <p>A group has a subject: the rare names its posts mention most often, if at least
 * {@link #SUBJECT_SHARE} of them do ({@code nanobananapro} for the Nano Banana Pro launch); a single
 * post's subject is the specific names it leads with (products, phrases, names; not a
 * sentence-opening word; of a comparison of versioned models, the first), however common they are
 * in the window ({@link EntityIndex#subjectIds}). A post or group joins
 * another only if it mentions that one's subject too: "Nano Banana Pro launch" and "Gemini 3 in Google
 * Search" share the names {@code gemini3} and {@code googlesearch}, but the second never names
 * Nano Banana Pro; merve's FLUX.2 thread, whose second post mentions SAM 3, does not join the
 * SAM 3 story. The price: a Chinese post that never writes the product's Latin name cannot join
 * a story that has one (it stays its own story).
 */
final class Groups {

    static final double SUBJECT_SHARE = 2.0 / 3.0;

    private final int[] groupOf;
    private final int[] version;
    private final List<List<Integer>> members;
    private final List<Map<Integer, Integer>> nameCounts;
    private final EntityIndex names;
    private final double rareWeight;

    Groups(EntityIndex names, double rareWeight) {
        int n = names.size();
        this.names = names;
        this.rareWeight = rareWeight;
        groupOf = new int[n];
        version = new int[n];
        members = new ArrayList<>(n);
        nameCounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groupOf[i] = i;
            List<Integer> m = new ArrayList<>(1);
            m.add(i);
            members.add(m);
            Map<Integer, Integer> counts = new HashMap<>();
            for (int id : names.ids(i)) {
                counts.put(id, 1);
            }
            nameCounts.add(counts);
        }
    }

    int groupOf(int unit) {
        return groupOf[unit];
    }

    /** Changes whenever the group gains members. */
    int version(int group) {
        return version[group];
    }

    int[] assignment() {
        return groupOf;
    }

    List<Integer> members(int group) {
        return members.get(group);
    }

    /** False when one group has a subject the other never mentions. */
    boolean subjectsAgree(int a, int b) {
        List<Integer> sa = subject(a);
        List<Integer> sb = subject(b);
        return (sa.isEmpty() || mentionsAny(b, sa)) && (sb.isEmpty() || mentionsAny(a, sb));
    }

    /**
     * True when both groups have several posts and a subject name in common: two tellings of one
     * launch, each already a story ({@code Z-Image Turbo} by 歸藏 and 向阳乔木 in Chinese, by clem and
     * Balaji in English), need only half of their cross pairs linked, not more.
     */
    boolean sameSubject(int a, int b) {
        if (members.get(a).size() < 2 || members.get(b).size() < 2) {
            return false;
        }
        List<Integer> sb = subject(b);
        for (int id : subject(a)) {
            if (sb.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Moves every member of {@code from} into {@code into}. */
    void merge(int from, int into) {
        for (int m : members.get(from)) {
            groupOf[m] = into;
        }
        members.get(into).addAll(members.get(from));
        version[into]++;
        members.get(from).clear();
        Map<Integer, Integer> target = nameCounts.get(into);
        nameCounts.get(from).forEach((id, c) -> target.merge(id, c, Integer::sum));
        nameCounts.get(from).clear();
    }

    /**
     * The rare names mentioned most often in the group, if by at least {@link #SUBJECT_SHARE} of it;
     * for a single post, the rare names it leads with.
     */
    private List<Integer> subject(int group) {
        int size = members.get(group).size();
        if (size < 2) {
            List<Integer> out = new ArrayList<>();
            for (int id : names.subjectIds(members.get(group).get(0))) {
                out.add(id);
            }
            return out;
        }
        int top = 0;
        for (Map.Entry<Integer, Integer> e : nameCounts.get(group).entrySet()) {
            if (names.rarity(e.getKey()) >= rareWeight) {
                top = Math.max(top, e.getValue());
            }
        }
        if (top < SUBJECT_SHARE * size) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : nameCounts.get(group).entrySet()) {
            if (e.getValue() == top && names.rarity(e.getKey()) >= rareWeight) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private boolean mentionsAny(int group, List<Integer> ids) {
        Map<Integer, Integer> counts = nameCounts.get(group);
        for (int id : ids) {
            if (counts.containsKey(id)) {
                return true;
            }
        }
        return false;
    }
}
