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
 * already told it, unless it has news; then it stays, marked as a follow-up.
 *
 * <p>A story continues an earlier item when they share posts, or when both lead with the same
 * specific name ({@code FLUX.2}, {@code Ilya Sutskever}) that at most
 * {@value #MAX_ITEMS_PER_NAME} stories lead with (earlier items and this digest's contenders
 * together), and their centred similarity is at least
 * {@link #NAMED_SIMILARITY}; or when they are nearly the same text (similarity
 * {@link #SAME_TEXT_SIMILARITY}). Windows do not overlap, so the FLUX.2 posts of 12:00–16:00 never
 * share ids with the FLUX.2 item of 08:00–12:00. A name many earlier items lead with is a topic,
 * not a story: on the sample day, Nano Banana Pro leads the NotebookLM slides, the Kimi slides, the
 * weather-card prompt, the calendar prompt and the SynthID check, five stories. One word in common
 * ({@code Replit}) is not specific enough either. The bar is high on purpose: a wrong 【后续】 on a
 * new story misleads more than a follow-up told without it.
 *
 * <p>It has news when it has posts the earlier items did not, written by someone new or naming
 * something new (a product, a version); a story whose posts were all told before, or only retold by
 * the same people about the same names, is dropped.
 */
public final class RepeatGuard {

    private static final Logger log = LoggerFactory.getLogger(RepeatGuard.class);

    /** Centred similarity two stories leading with the same distinctive name need to be one. */
    static final double NAMED_SIMILARITY = 0.1;

    /**
     * A name that more stories than this lead with, counting earlier items and this digest's
     * contenders, is a topic and identifies no story.
     */
    static final int MAX_ITEMS_PER_NAME = 2;

    /** How many of the best stories per digest item count as contenders. */
    static final int CONTENDERS_PER_ITEM = 3;

    /** Centred similarity at which two stories are one whatever their names: a retelling. */
    static final double SAME_TEXT_SIMILARITY = 0.6;

    private final Posts posts;
    private final Digests digests;
    private final DigestConfig digest;
    private final Background background;
    private final StoryProfile.Factory profiles;

    public RepeatGuard(Posts posts, Digests digests, DigestConfig digest, Entities entities, Background background) {
        this.posts = Objects.requireNonNull(posts, "posts");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.background = Objects.requireNonNull(background, "background");
        this.profiles = new StoryProfile.Factory(entities);
    }

    /**
     * The stories of {@code ranked} (best first) that may be told in {@code slot}'s digest, follow-ups
     * marked, in the same order; stops once {@code limit} are kept.
     */
    public List<RankedStory> apply(List<RankedStory> ranked, Slot slot, int limit) {
        List<StoredPost> all = new ArrayList<>();
        ranked.forEach(r -> all.addAll(r.story().posts()));
        return apply(ranked, slot, limit, Centring.of(all, background));
    }

    /** {@link #apply} measuring similarity with the window's own centring, the one the clustering used. */
    public List<RankedStory> apply(List<RankedStory> ranked, Slot slot, int limit, Centring centring) {
        List<Digests.PastItem> past = digest.repeatWindowHours() <= 0
                ? List.of()
                : digests.itemsEndedBetween(
                        slot.windowEnd().minus(Duration.ofHours(digest.repeatWindowHours())), slot.windowEnd());
        if (past.isEmpty()) {
            return ranked.subList(0, Math.min(limit, ranked.size()));
        }
        List<StoryProfile> told = pastProfiles(past);
        // The stories competing for this digest count too: two of them leading with Nano Banana Pro
        // make it a topic even if only one earlier item did.
        List<StoryProfile> contenders = new ArrayList<>();
        int contending = (int) Math.min(ranked.size(), (long) CONTENDERS_PER_ITEM * Math.max(1, digest.maxItems()));
        for (RankedStory r : ranked.subList(0, contending)) {
            contenders.add(profiles.of(r.story().posts()));
        }
        Map<String, Integer> leadingCount = new HashMap<>();
        told.forEach(t -> t.subject().forEach(n -> leadingCount.merge(n, 1, Integer::sum)));
        contenders.forEach(t -> t.subject().forEach(n -> leadingCount.merge(n, 1, Integer::sum)));
        Set<String> distinctive = new HashSet<>();
        leadingCount.forEach((n, c) -> {
            if (c <= MAX_ITEMS_PER_NAME) {
                distinctive.add(n);
            }
        });
        List<RankedStory> out = new ArrayList<>();
        for (int i = 0; i < ranked.size() && out.size() < limit; i++) {
            StoryProfile now = i < contenders.size()
                    ? contenders.get(i)
                    : profiles.of(ranked.get(i).story().posts());
            RankedStory kept = check(ranked.get(i), now, told, distinctive, centring);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    private RankedStory check(
            RankedStory ranked, StoryProfile now, List<StoryProfile> told, Set<String> distinctive, Centring centring) {
        List<StoryProfile> earlier = new ArrayList<>();
        for (StoryProfile t : told) {
            if (!t.postIds().isEmpty() && (sharesPosts(now, t) || sameStory(now, t, distinctive, centring))) {
                earlier.add(t);
            }
        }
        if (earlier.isEmpty()) {
            return ranked;
        }
        Set<Long> toldIds = new HashSet<>();
        Set<String> toldAuthors = new HashSet<>();
        Set<String> toldNames = new HashSet<>();
        for (StoryProfile t : earlier) {
            toldIds.addAll(t.postIds());
            toldAuthors.addAll(t.authors());
            toldNames.addAll(t.names());
        }
        boolean news = false;
        for (StoredPost p : ranked.story().posts()) {
            if (!toldIds.contains(p.id())) {
                news |= !toldAuthors.contains(StoryProfile.handle(p)) || !toldNames.containsAll(profiles.namesOf(p));
            }
        }
        return news ? new RankedStory(ranked.story(), ranked.score(), true) : null;
    }

    private static boolean sameStory(StoryProfile now, StoryProfile told, Set<String> distinctive, Centring centring) {
        double similarity = now.similarity(told, centring);
        boolean named = now.sharesSubject(told, distinctive);
        boolean same = similarity >= SAME_TEXT_SIMILARITY || (similarity >= NAMED_SIMILARITY && named);
        if (log.isDebugEnabled() && (same || named)) {
            log.debug(
                    "repeat? {} similarity {} subjects {} / {} (told: {})",
                    same,
                    String.format("%.3f", similarity),
                    now.subject(),
                    told.subject(),
                    told.postIds());
        }
        return same;
    }

    private static boolean sharesPosts(StoryProfile a, StoryProfile b) {
        for (Long id : a.postIds()) {
            if (b.postIds().contains(id)) {
                return true;
            }
        }
        return false;
    }

    private List<StoryProfile> pastProfiles(List<Digests.PastItem> past) {
        Set<Long> ids = new LinkedHashSet<>();
        past.forEach(i -> ids.addAll(i.postIds()));
        Map<Long, StoredPost> byId = new HashMap<>();
        for (StoredPost p : posts.byIds(ids)) {
            byId.put(p.id(), p);
        }
        List<StoryProfile> out = new ArrayList<>(past.size());
        for (Digests.PastItem item : past) {
            List<StoredPost> itemPosts = new ArrayList<>();
            item.postIds().forEach(id -> {
                StoredPost p = byId.get(id);
                if (p != null) {
                    itemPosts.add(p);
                }
            });
            out.add(itemPosts.isEmpty() ? StoryProfile.idsOnly(item.postIds()) : profiles.of(itemPosts));
        }
        return out;
    }
}
