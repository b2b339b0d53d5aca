package dev.aidigest.digest.rank;

import dev.aidigest.config.AppConfig.DigestConfig;
import dev.aidigest.digest.Background;
import dev.aidigest.digest.Centring;
import dev.aidigest.digest.Digests;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.Posts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a story out of the digest when an earlier digest of the last {@code repeat_window_hours}
 * already told it, unless it has news; then it stays, marked as a follow-up with what is new.
 *
 * <p>A story continues an earlier item when
 *
 * <ul>
 *   <li>they share a post;
 *   <li>a post of one is nearly the same text as a post of the other ({@value #SAME_TEXT_SIMILARITY},
 *       closest posts): a retelling, in whatever words or language;
 *   <li>both lead with the same specific name ({@code FLUX.2}, {@code GLM-4.6V}, {@code H200}) that at
 *       most {@value #MAX_ITEMS_PER_NAME} stories lead with, earlier items and this digest's
 *       contenders together, and their closest posts are at least {@value #NAMED_SIMILARITY} alike;
 *   <li>or it names everything the earlier story led with, each a name at most {@value
 *       #MAX_ITEMS_PER_NAME} stories name at all, and their closest posts are at least {@value
 *       #RELATED_SIMILARITY} alike: Peter Diamandis' Genesis Mission numbers continue the Genesis
 *       Mission order, in other words.
 * </ul>
 *
 * Windows do not overlap, so the FLUX.2 posts of 12:00–16:00 never share ids with the FLUX.2 item of
 * 08:00–12:00. A name many stories lead with or mention is a topic, not a story: on the sample day
 * Nano Banana Pro leads five, and Claude Code is the tool of many. Posts are compared one to one, not
 * by the stories' means: a follow-up's posts are about what is new (a price list, a long hands-on
 * test), so its mean drifts from the launch while one of its posts still says what launched. The bar
 * is high on purpose: a wrong 【后续】 on a new story misleads more than a follow-up told without it.
 *
 * <p>Whether it has news is {@link NewsFinder}'s call, comparing its posts not yet told with the
 * earlier items' posts: new figures, new names, a wider rollout, a price, open weights, a ranking, a
 * paper. New authors alone are not news; a story with none is left out as a repeat.
 */
public final class RepeatGuard {

    private static final Logger log = LoggerFactory.getLogger(RepeatGuard.class);

    /** Closest-posts similarity two stories sharing a distinctive name need to be one. */
    static final double NAMED_SIMILARITY = 0.3;

    /**
     * A name that more stories than this lead with, counting earlier items and this digest's
     * contenders, is a topic and identifies no story.
     */
    static final int MAX_ITEMS_PER_NAME = 2;

    /** How many of the best stories per digest item count as contenders. */
    static final int CONTENDERS_PER_ITEM = 3;

    /** Closest-posts similarity a story naming all a rare earlier story led with needs to continue it. */
    static final double RELATED_SIMILARITY = 0.1;

    /** Closest-posts similarity at which two stories are one whatever their names: a retelling. */
    static final double SAME_TEXT_SIMILARITY = 0.6;

    private final Posts posts;
    private final Digests digests;
    private final DigestConfig digest;
    private final Background background;
    private final StoryProfile.Factory profiles;
    private final NewsFinder news;

    public RepeatGuard(Posts posts, Digests digests, DigestConfig digest, Entities entities, Background background) {
        this.posts = Objects.requireNonNull(posts, "posts");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.background = Objects.requireNonNull(background, "background");
        Names names = new Names(entities);
        this.profiles = new StoryProfile.Factory(names);
        this.news = new NewsFinder(names, NewsCues.standard());
    }

    /**
     * The stories of {@code ranked} (best first) that may be told in {@code slot}'s digest, follow-ups
     * marked, in the same order; stops once {@code limit} are kept.
     */
    public List<RankedStory> apply(List<RankedStory> ranked, Slot slot, int limit) {
        return apply(ranked, slot, limit, centringOf(ranked));
    }

    /** {@link #apply} measuring similarity with the window's own centring, the one the clustering used. */
    public List<RankedStory> apply(List<RankedStory> ranked, Slot slot, int limit, Centring centring) {
        return decide(ranked, slot, centring, limit).stream()
                .filter(r -> !r.decision().dropped())
                .toList();
    }

    /**
     * Every story of {@code ranked}, in the same order, with the decision and its reason: new, a
     * follow-up of an earlier item with what is new, or a repeat of one (which the digest leaves out).
     */
    public List<RankedStory> judge(List<RankedStory> ranked, Slot slot, Centring centring) {
        return decide(ranked, slot, centring, Integer.MAX_VALUE);
    }

    private List<RankedStory> decide(List<RankedStory> ranked, Slot slot, Centring centring, int limit) {
        List<Digests.PastItem> past = digest.repeatWindowHours() <= 0
                ? List.of()
                : digests.itemsEndedBetween(
                        slot.windowEnd().minus(Duration.ofHours(digest.repeatWindowHours())), slot.windowEnd());
        if (past.isEmpty()) {
            return ranked.subList(0, Math.min(limit, ranked.size()));
        }
        List<Told> told = pastItems(past, centring);
        // The stories competing for this digest count too: two of them leading with Nano Banana Pro
        // make it a topic even if only one earlier item did.
        List<StoryProfile> contenders = new ArrayList<>();
        int contending = (int) Math.min(ranked.size(), (long) CONTENDERS_PER_ITEM * Math.max(1, digest.maxItems()));
        for (RankedStory r : ranked.subList(0, contending)) {
            contenders.add(profiles.of(r.story().posts()));
        }
        Set<String> distinctive = distinctive(told, contenders);
        Map<String, Integer> naming = new HashMap<>();
        told.forEach(t -> t.profile().names().forEach(n -> naming.merge(n, 1, Integer::sum)));
        contenders.forEach(c -> c.names().forEach(n -> naming.merge(n, 1, Integer::sum)));
        Evidence evidence = new Evidence(distinctive, naming);
        List<RankedStory> out = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < ranked.size() && kept < limit; i++) {
            StoryProfile now = i < contenders.size()
                    ? contenders.get(i)
                    : profiles.of(ranked.get(i).story().posts());
            RankedStory decided = ranked.get(i).withDecision(check(now, told, evidence, centring));
            out.add(decided);
            kept += decided.decision().dropped() ? 0 : 1;
        }
        return out;
    }

    private FollowUp check(StoryProfile now, List<Told> told, Evidence evidence, Centring centring) {
        List<float[]> vectors = now.centred(centring);
        List<Told> earlier = new ArrayList<>();
        Told best = null;
        double bestCloseness = Double.NEGATIVE_INFINITY;
        for (Told t : told) {
            double closeness = closeness(now, vectors, t, evidence);
            if (!Double.isNaN(closeness)) {
                earlier.add(t);
                if (closeness > bestCloseness) {
                    best = t;
                    bestCloseness = closeness;
                }
            }
        }
        if (best == null) {
            return FollowUp.NEW;
        }
        Set<Long> toldIds = new HashSet<>();
        List<StoredPost> toldPosts = new ArrayList<>();
        for (Told t : earlier) {
            toldIds.addAll(t.profile().postIds());
            toldPosts.addAll(t.profile().posts());
        }
        List<StoredPost> fresh =
                now.posts().stream().filter(p -> !toldIds.contains(p.id())).toList();
        List<News> found = news.find(fresh, toldPosts);
        return found.isEmpty() ? FollowUp.repeat(best.item()) : FollowUp.followUp(best.item(), found);
    }

    /**
     * The names that tell one story from another: {@code distinctive}, those at most {@value
     * #MAX_ITEMS_PER_NAME} stories lead with; {@code naming}, how many stories name each at all.
     */
    private record Evidence(Set<String> distinctive, Map<String, Integer> naming) {}

    /**
     * How close {@code now} is to an earlier item when it continues it (shared posts count as
     * infinitely close), NaN when it does not continue it.
     */
    private static double closeness(StoryProfile now, List<float[]> vectors, Told told, Evidence evidence) {
        StoryProfile then = told.profile();
        if (then.postIds().isEmpty()) {
            return Double.NaN;
        }
        for (Long id : now.postIds()) {
            if (then.postIds().contains(id)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double similarity = StoryProfile.closest(vectors, told.vectors());
        boolean named = sharesName(now, then, evidence.distinctive());
        boolean covers = namesAllItLedWith(now, then, evidence.naming());
        boolean same = similarity >= SAME_TEXT_SIMILARITY
                || (named && similarity >= NAMED_SIMILARITY)
                || (covers && similarity >= RELATED_SIMILARITY);
        if (log.isDebugEnabled() && (same || named || covers)) {
            log.debug(
                    "repeat? {} closest posts {} subjects {} / {} (told: {} {})",
                    same,
                    String.format("%.3f", similarity),
                    now.subject(),
                    then.subject(),
                    told.item().slot(),
                    told.item().headline());
        }
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
    private static boolean namesAllItLedWith(StoryProfile now, StoryProfile then, Map<String, Integer> naming) {
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

    private static Set<String> distinctive(List<Told> told, List<StoryProfile> contenders) {
        Map<String, Integer> leadingCount = new HashMap<>();
        told.forEach(t -> t.profile().subject().forEach(n -> leadingCount.merge(n, 1, Integer::sum)));
        contenders.forEach(c -> c.subject().forEach(n -> leadingCount.merge(n, 1, Integer::sum)));
        Set<String> out = new HashSet<>();
        leadingCount.forEach((n, c) -> {
            if (c <= MAX_ITEMS_PER_NAME) {
                out.add(n);
            }
        });
        return out;
    }

    private Centring centringOf(List<RankedStory> ranked) {
        List<StoredPost> all = new ArrayList<>();
        ranked.forEach(r -> all.addAll(r.story().posts()));
        return Centring.of(all, background);
    }

    /** An earlier item with its profile and its posts' centred vectors (centred once per build). */
    private record Told(Digests.PastItem item, StoryProfile profile, List<float[]> vectors) {}

    private List<Told> pastItems(List<Digests.PastItem> past, Centring centring) {
        Set<Long> ids = new LinkedHashSet<>();
        past.forEach(i -> ids.addAll(i.postIds()));
        Map<Long, StoredPost> byId = new HashMap<>();
        for (StoredPost p : posts.byIds(ids)) {
            byId.put(p.id(), p);
        }
        List<Told> out = new ArrayList<>(past.size());
        for (Digests.PastItem item : past) {
            List<StoredPost> itemPosts = new ArrayList<>();
            item.postIds().forEach(id -> {
                StoredPost p = byId.get(id);
                if (p != null) {
                    itemPosts.add(p);
                }
            });
            StoryProfile profile = itemPosts.isEmpty() ? StoryProfile.idsOnly(item.postIds()) : profiles.of(itemPosts);
            out.add(new Told(item, profile, profile.centred(centring)));
        }
        return out;
    }
}
