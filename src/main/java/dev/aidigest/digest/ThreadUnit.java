package dev.aidigest.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One author's thread (the first post and the author's replies to it), or a single post: the unit
 * that clustering places in a story. A thread is one story by construction, even when its later
 * posts ("2/ pricing is …") look nothing like its first.
 */
record ThreadUnit(List<StoredPost> posts) {

  static List<ThreadUnit> of(List<StoredPost> posts) {
    Map<String, List<StoredPost>> byThread = new LinkedHashMap<>();
    int single = 0;
    for (StoredPost p : posts) {
      String key = threadKey(p);
      byThread.computeIfAbsent(key != null ? key : "\u0000" + single++, k -> new ArrayList<>()).add(p);
    }
    List<ThreadUnit> units = new ArrayList<>(byThread.size());
    byThread.values().forEach(list -> units.add(new ThreadUnit(List.copyOf(list))));
    return units;
  }

  /** Author + conversation for a thread's first post or the author's reply to themselves. */
  private static String threadKey(StoredPost sp) {
    var p = sp.post();
    if (p.conversationId() == null || p.conversationId().isBlank()) {
      return null;
    }
    boolean root = p.conversationId().equals(p.platformId());
    boolean selfReply = p.reference() != null && p.reference().isReply() && !p.isReplyToOther();
    if (!root && !selfReply) {
      return null;
    }
    return p.platform() + '\u0000' + p.authorHandle().toLowerCase(Locale.ROOT) + '\u0000' + p.conversationId();
  }

  String text() {
    if (posts.size() == 1) {
      return posts.get(0).post().text();
    }
    StringBuilder sb = new StringBuilder();
    posts.forEach(p -> sb.append(p.post().text()).append('\n'));
    return sb.toString();
  }

  /** The first post's vector, or the normalised mean of the thread's vectors. */
  float[] vector() {
    if (posts.size() == 1) {
      return posts.get(0).embedding();
    }
    float[] sum = null;
    for (StoredPost p : posts) {
      float[] v = p.embedding();
      if (v == null) {
        continue;
      }
      if (sum == null) {
        sum = new float[v.length];
      }
      if (v.length == sum.length) {
        for (int d = 0; d < v.length; d++) {
          sum[d] += v[d];
        }
      }
    }
    return sum == null ? null : normalise(sum);
  }

  /** Scales {@code v} in place to unit length (a zero vector stays zero); returns it. */
  static float[] normalise(float[] v) {
    double norm = 0;
    for (float f : v) {
      norm += (double) f * f;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      v[d] *= scale;
    }
    return v;
  }

  Instant start() {
    Instant first = posts.get(0).post().createdAt();
    for (StoredPost p : posts) {
      if (p.post().createdAt().isBefore(first)) {
        first = p.post().createdAt();
      }
    }
    return first;
  }
}
