package dev.aidigest.digest;

import dev.aidigest.config.AppConfig.ClusterConfig;
import dev.aidigest.config.AppConfig.DigestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps a story out of the digest when an earlier digest of the last {@code repeat_window_hours}
 * already told it, unless it has news; then it stays, marked as a follow-up.
 *
 * <p>A story continues an earlier item when they share posts, or when they are about the same thing
 * by the clustering's own bar (similarity, subject names): windows do not overlap, so the
 * FLUX.2 posts of 16:00–20:00 never share ids with the FLUX.2 item of 12:00–16:00. It has news when
 * it has posts the earlier items did not, written by someone new or naming something new (a
 * product, a version); a story whose posts were all told before, or only retold by the same people
 * about the same names, is dropped.
 */
public final class RepeatGuard {

  private final Posts posts;
  private final Digests digests;
  private final DigestConfig digest;
  private final ClusterConfig cluster;
  private final StoryProfile.Factory profiles;

  public RepeatGuard(Posts posts, Digests digests, DigestConfig digest, ClusterConfig cluster, Entities entities,
      Background background) {
    this.posts = Objects.requireNonNull(posts, "posts");
    this.digests = Objects.requireNonNull(digests, "digests");
    this.digest = Objects.requireNonNull(digest, "digest");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.profiles = new StoryProfile.Factory(entities, background);
  }

  /**
   * The stories of {@code ranked} (best first) that may be told in {@code slot}'s digest, follow-ups
   * marked, in the same order; stops once {@code limit} are kept.
   */
  public List<RankedStory> apply(List<RankedStory> ranked, Slot slot, int limit) {
    List<Digests.PastItem> past = digest.repeatWindowHours() <= 0 ? List.of()
        : digests.itemsEndedBetween(slot.windowEnd().minus(Duration.ofHours(digest.repeatWindowHours())), slot.windowEnd());
    if (past.isEmpty()) {
      return ranked.subList(0, Math.min(limit, ranked.size()));
    }
    List<StoryProfile> told = pastProfiles(past);
    List<RankedStory> out = new ArrayList<>();
    for (RankedStory r : ranked) {
      if (out.size() >= limit) {
        break;
      }
      RankedStory kept = check(r, told);
      if (kept != null) {
        out.add(kept);
      }
    }
    return out;
  }

  private RankedStory check(RankedStory ranked, List<StoryProfile> told) {
    StoryProfile now = profiles.of(ranked.story().posts());
    List<StoryProfile> earlier = new ArrayList<>();
    for (StoryProfile t : told) {
      if (!t.postIds().isEmpty() && (sharesPosts(now, t) || now.sameStoryAs(t, cluster, profiles.background()))) {
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
