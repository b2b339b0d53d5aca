package dev.aidigest.digest.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a story continues an item of an earlier digest. It does when
 *
 * <ul>
 *   <li>they share a post;
 *   <li>a post of one is nearly the same text as a post of the other ({@value #SAME_TEXT_SIMILARITY},
 *       closest posts): a retelling, in whatever words or language;
 *   <li>their closest posts are at least {@value #NAMED_SIMILARITY} alike and they share a name:
 *       both lead with the same specific name ({@code FLUX.2}, {@code GLM-4.6V}, {@code H200}) that
 *       at most {@value #MAX_ITEMS_PER_NAME} stories lead with (earlier items and this digest's
 *       contenders together), or the story names everything the earlier one led with, each a name
 *       at most {@value #MAX_ITEMS_PER_NAME} stories name at all ({@code GWM Worlds} naming
 *       {@code GWM-1});
 *   <li>or it does the latter and leads with one of those names too, and its closest posts are at
 *       least {@value #RELATED_SIMILARITY} alike: a follow-up in other words.
 * </ul>
 *
 * Windows do not overlap, so the FLUX.2 posts of 12:00–16:00 never share ids with the FLUX.2 item of
 * 08:00–12:00. A name many stories lead with or mention is a topic, not a story: on the sample day
 * Nano Banana Pro leads five, and Claude Code is the tool of many. Posts are compared one to one, not
 * by the stories' means: a follow-up's posts are about what is new (a price list, a long hands-on
 * test), so its mean drifts from the launch while one of its posts still says what launched. The bar
 * is high on purpose: a wrong 【后续】 on a new story misleads more than a follow-up told without it.
 */
final class Continuity {

    /**
     * Closest-posts similarity two stories sharing a name need to be one. On the labelled windows the
     * follow-ups sharing a leading name score 0.43–0.83, the other stories sharing one at most 0.31
     * (a Hugging Face launch that leads with Claude Code, like an earlier Claude Code tip).
     */
    static final double NAMED_SIMILARITY = 0.37;

    /**
     * Closest-posts similarity enough when the story also leads with a name the earlier story led
     * with: the sample day's Genesis Mission numbers (0.22) continue the Genesis Mission order, in
     * other words.
     */
    static final double RELATED_SIMILARITY = 0.15;

    /**
     * Closest-posts similarity at which two stories are one whatever their names: a retelling
     * (0.77–0.92 on the labelled windows; different stories at most 0.54).
     */
    static final double SAME_TEXT_SIMILARITY = 0.65;

    /**
     * A name that more stories than this lead with (or, for the last rule, name), counting earlier
     * items and this digest's contenders, is a topic and identifies no story.
     */
    static final int MAX_ITEMS_PER_NAME = 2;

    /** Names at most {@value #MAX_ITEMS_PER_NAME} stories lead with. */
    private final Set<String> distinctive;
    /** How many stories name each name at all. */
    private final Map<String, Integer> naming;

    private Continuity(Set<String> distinctive, Map<String, Integer> naming) {
        this.distinctive = distinctive;
        this.naming = naming;
    }

    /** The names' rarity among the earlier items and the stories competing for this digest. */
    static Continuity among(List<StoryProfile> told, List<StoryProfile> contenders) {
        Map<String, Integer> naming = new HashMap<>();
        told.forEach(t -> t.names().forEach(n -> naming.merge(n, 1, Integer::sum)));
        contenders.forEach(c -> c.names().forEach(n -> naming.merge(n, 1, Integer::sum)));
        return new Continuity(distinctive(told, contenders), naming);
    }

    /**
     * How close {@code now} is to an earlier item when it continues it (shared posts count as
     * infinitely close), NaN when it does not continue it.
     */
    double closeness(StoryProfile now, List<float[]> vectors, StoryProfile then, List<float[]> thenVectors) {
        if (then.postIds().isEmpty()) {
            return Double.NaN;
        }
        for (Long id : now.postIds()) {
            if (then.postIds().contains(id)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double similarity = StoryProfile.closest(vectors, thenVectors);
        boolean named = sharesName(now, then, distinctive);
        boolean covers = namesAllItLedWith(now, then);
        boolean leads = covers && now.subject().stream().anyMatch(then.subject()::contains);
        boolean same = similarity >= SAME_TEXT_SIMILARITY
                || ((named || covers) && similarity >= NAMED_SIMILARITY)
                || (leads && similarity >= RELATED_SIMILARITY);
        return same ? similarity : Double.NaN;
    }

    /** True when both lead with one of the distinctive names. */
    private static boolean sharesName(StoryProfile a, StoryProfile b, Set<String> distinctive) {
        for (String n : a.subject()) {
            if (b.subject().contains(n) && distinctive.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code now} names every name the earlier story led with ({@code Claude Opus 4.5}
     * counts as named by {@code Opus 4.5}), each a rare one: at most {@value #MAX_ITEMS_PER_NAME}
     * stories name it, counting earlier items and contenders. A comparison of Seedream 4.5 with Nano
     * Banana Pro is not continued by the next Nano Banana Pro prompt, which names only one of the two.
     */
    private boolean namesAllItLedWith(StoryProfile now, StoryProfile then) {
        if (then.subject().isEmpty()) {
            return false;
        }
        for (Set<String> group : groups(then.subject())) {
            boolean covered = false;
            for (String n : group) {
                covered |= now.names().contains(n) && naming.getOrDefault(n, 0) <= MAX_ITEMS_PER_NAME;
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Names grouped when one contains the other: Opus 4.5, Claude Opus, Claude Opus 4.5 are one name. */
    private static List<Set<String>> groups(Set<String> names) {
        List<Set<String>> out = new ArrayList<>();
        for (String n : names.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            Set<String> home = null;
            for (Set<String> g : out) {
                if (g.stream().anyMatch(m -> m.contains(n) || n.contains(m))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new HashSet<>();
                out.add(home);
            }
            home.add(n);
        }
        return out;
    }

    private static Set<String> distinctive(List<StoryProfile> told, List<StoryProfile> contenders) {
        Map<String, Integer> leadingCount = new HashMap<>();
        told.forEach(t -> t.subject().forEach(n -> leadingCount.merge(n, 1, Integer::sum)));
        contenders.forEach(c -> c.subject().forEach(n -> leadingCount.merge(n, 1, Integer::sum)));
        Set<String> out = new HashSet<>();
        leadingCount.forEach((n, c) -> {
            if (c <= MAX_ITEMS_PER_NAME) {
                out.add(n);
            }
        });
        return out;
    }
}
