package dev.aidigest.digest;

import dev.aidigest.config.AppConfig.ClusterConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a story is about, compact enough to compare with the items of earlier digests: its posts,
 * authors, names, subject (the names at least half its posts mention) and mean embedding.
 */
record StoryProfile(Set<Long> postIds, Set<String> authors, Set<String> names, Set<String> subject,
    float[] centroid, boolean cjk) {

  static StoryProfile idsOnly(List<Long> ids) {
    return new StoryProfile(new HashSet<>(ids), Set.of(), Set.of(), Set.of(), null, false);
  }

  static String handle(StoredPost p) {
    return p.post().authorHandle().toLowerCase(Locale.ROOT);
  }

  /**
   * The clustering's bar between two stories: similarity alone at {@code mergeSimilarity}, or at
   * {@code entitySimilarity} when each mentions the other's subject.
   */
  boolean sameStoryAs(StoryProfile other, ClusterConfig config, Background background) {
    if (centroid == null || other.centroid == null || centroid.length != other.centroid.length) {
      return false;
    }
    float[] a = centre(centroid, background.mean(cjk, centroid.length));
    float[] b = centre(other.centroid, background.mean(other.cjk, other.centroid.length));
    double similarity = CentredVectors.dot(a, b);
    boolean subjectsMeet = intersects(subject, other.names) && intersects(other.subject, names);
    return similarity >= config.mergeSimilarity() || (subjectsMeet && similarity >= config.entitySimilarity());
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private static float[] centre(float[] v, float[] mean) {
    float[] c = v.clone();
    if (mean != null) {
      for (int d = 0; d < c.length; d++) {
        c[d] -= mean[d];
      }
    }
    return ThreadUnit.normalise(c);
  }

  /** Builds profiles with one name extractor and background. */
  static final class Factory {
    private final Entities entities;
    private final Background background;

    Factory(Entities entities, Background background) {
      this.entities = entities;
      this.background = background;
    }

    StoryProfile of(List<StoredPost> posts) {
      Set<Long> ids = new HashSet<>();
      Set<String> authors = new HashSet<>();
      Map<String, Integer> counts = new HashMap<>();
      StringBuilder text = new StringBuilder();
      for (StoredPost p : posts) {
        ids.add(p.id());
        authors.add(handle(p));
        namesOf(p).forEach(n -> counts.merge(n, 1, Integer::sum));
        text.append(p.post().text()).append('\n');
      }
      Set<String> subject = new LinkedHashSet<>();
      counts.forEach((n, c) -> {
        if (2 * c >= posts.size()) {
          subject.add(n);
        }
      });
      float[] centroid = new ThreadUnit(posts).vector();
      return new StoryProfile(ids, authors, counts.keySet(), subject, centroid, PostWords.isCjk(text.toString()));
    }

    /** The specific names of one post: products, phrases and capitalised names, no companies. */
    Set<String> namesOf(StoredPost p) {
      Set<String> out = new HashSet<>();
      entities.extract(p.post().text()).forEach((key, name) -> {
        if (name.kind().factor >= Entities.Kind.WORD.factor && !entities.isGeneric(key)) {
          out.add(key);
        }
      });
      return out;
    }

    Background background() {
      return background;
    }
  }
}
