package dev.aidigest.digest.rank;

import dev.aidigest.config.AppConfig.DigestConfig;
import dev.aidigest.digest.Digests;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.Posts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.Centring;
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
 * <p>Whether a story continues an earlier item is {@link Continuity}'s call; whether it has news
 * is {@link NewsFinder}'s, comparing its posts not yet told with the earlier items' posts: new
 * figures, new names, a wider rollout, a price, open weights, a ranking, a paper. New authors alone
 * are not news; a story with none is left out as a repeat.
 */
public final class RepeatGuard {

    private static final Logger log = LoggerFactory.getLogger(RepeatGuard.class);

    /** How many of the best stories per digest item count as contenders. */
    static final int CONTENDERS_PER_ITEM = 3;

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
        Continuity continuity =
                Continuity.among(told.stream().map(Told::profile).toList(), contenders);
        List<RankedStory> out = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < ranked.size() && kept < limit; i++) {
            StoryProfile now = i < contenders.size()
                    ? contenders.get(i)
                    : profiles.of(ranked.get(i).story().posts());
            RankedStory decided = withoutStrayRetellings(
                    ranked.get(i).withDecision(check(now, told, continuity, centring)),
                    now,
                    told,
                    continuity,
                    centring);
            out.add(decided);
            kept += decided.decision().dropped() ? 0 : 1;
        }
        return out;
    }

    /**
     * A story that continues an earlier item only through posts that retell it (nearly the same text
     * as one of its posts, {@link Continuity#SAME_TEXT_SIMILARITY}) while the rest of the story does
     * not continue it at all was joined by a wrong link: an author repeating yesterday's point and a
     * new post that happens to name the same model. When the rest is also far from every earlier
     * item (closer than {@link Continuity#NAMED_SIMILARITY} to none, the similarity below which two
     * stories are not one even when they share a name), the retellings are left out as repeats and
     * the rest is a new story. A real follow-up keeps its retellings: its other posts continue the
     * item too, and so does a looser retelling of it.
     */
    private RankedStory withoutStrayRetellings(
            RankedStory decided, StoryProfile now, List<Told> told, Continuity continuity, Centring centring) {
        if (decided.decision().kind() == FollowUp.Kind.NEW) {
            return decided;
        }
        List<StoredPost> rest = new ArrayList<>();
        for (StoredPost p : now.posts()) {
            if (!retells(p, told, centring)) {
                rest.add(p);
            }
        }
        if (rest.isEmpty() || rest.size() == now.posts().size()) {
            return decided;
        }
        StoryProfile remaining = profiles.of(rest);
        if (closestToTold(remaining.centred(centring), told) >= Continuity.NAMED_SIMILARITY
                || check(remaining, told, continuity, centring).kind() != FollowUp.Kind.NEW) {
            return decided; // the rest tells the earlier story too, in other words
        }
        log.debug(
                "{} post(s) retelling an earlier item left out of a new story",
                now.posts().size() - rest.size());
        return new RankedStory(new Story(rest), decided.score(), FollowUp.NEW);
    }

    /** The closest similarity of {@code vectors} to a post of an earlier item; −∞ when none compares. */
    private static double closestToTold(List<float[]> vectors, List<Told> told) {
        double best = Double.NEGATIVE_INFINITY;
        for (Told t : told) {
            double c = StoryProfile.closest(vectors, t.vectors());
            if (!Double.isNaN(c)) {
                best = Math.max(best, c);
            }
        }
        return best;
    }

    /** True when {@code p} is a post of an earlier item, or nearly the same text as one. */
    private static boolean retells(StoredPost p, List<Told> told, Centring centring) {
        return told.stream().anyMatch(t -> t.profile().postIds().contains(p.id()))
                || closestToTold(StoryProfile.centred(List.of(p), centring), told) >= Continuity.SAME_TEXT_SIMILARITY;
    }

    private FollowUp check(StoryProfile now, List<Told> told, Continuity continuity, Centring centring) {
        List<float[]> vectors = now.centred(centring);
        List<Told> earlier = new ArrayList<>();
        Told best = null;
        double bestCloseness = Double.NEGATIVE_INFINITY;
        for (Told t : told) {
            double closeness = continuity.closeness(now, vectors, t.profile(), t.vectors());
            if (log.isDebugEnabled() && !Double.isNaN(closeness)) {
                log.debug("continues {} \"{}\" ({})", t.item().slot(), t.item().headline(), closeness);
            }
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
