package dev.aidigest.digest;

import dev.aidigest.config.AppConfig.ClusterConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The pairs of posts with strong evidence that they tell one story: centred cosine at least
 * {@code mergeSimilarity}, or at least {@code entitySimilarity} while sharing a name of weight
 * {@code minEntityRarity} or more; never further apart in time than {@code maxHoursApart}.
 *
 * <p>All pairs are screened by sketch Hamming distance (cheap); only survivors, and pairs that
 * share a rare name (from the name index, so few), pay for a full dot product.
 */
final class Links {

  /** Sketch screening margin, in standard deviations: misses a qualifying pair about 1 in 30,000. */
  private static final double SKETCH_SIGMAS = 4.0;

  /** A link and how strong it is (similarity plus the weight of the rarest shared name). */
  record Edge(int a, int b, double strength) {}

  private final int[][] neighbours;
  private final List<Edge> edges;

  private Links(int[][] neighbours, List<Edge> edges) {
    this.neighbours = neighbours;
    this.edges = edges;
  }

  static Links find(CentredVectors vectors, EntityIndex names, long[] epochSeconds, ClusterConfig config) {
    int n = epochSeconds.length;
    double maxApart = config.maxHoursApart() > 0 ? config.maxHoursApart() * 3600 : Double.MAX_VALUE;
    double rareWeight = StoryClusterer.rareWeight(config);
    int cutoff = vectors.hammingCutoff(config.mergeSimilarity(), SKETCH_SIGMAS);
    List<Edge> found = IntStream.range(0, n).parallel()
        .mapToObj(i -> bySimilarity(i, vectors, names, epochSeconds, maxApart, cutoff, config.mergeSimilarity()))
        .flatMap(List::stream)
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    Set<Long> seen = new HashSet<>();
    for (Edge e : found) {
      seen.add((long) e.a() * n + e.b());
    }
    byNames(vectors, names, epochSeconds, maxApart, rareWeight, config.entitySimilarity(), seen, found);
    found.sort(Comparator.comparingDouble(Edge::strength).reversed()
        .thenComparingInt(Edge::a).thenComparingInt(Edge::b));
    return new Links(adjacency(n, found), found);
  }

  private static List<Edge> bySimilarity(int i, CentredVectors v, EntityIndex names, long[] t, double maxApart,
      int cutoff, double threshold) {
    if (!v.has(i)) {
      return List.of();
    }
    List<Edge> out = new ArrayList<>();
    for (int j = i + 1; j < t.length; j++) {
      if (v.hamming(i, j) <= cutoff && Math.abs(t[i] - t[j]) <= maxApart) {
        float s = v.similarity(i, j);
        if (s >= threshold) {
          out.add(new Edge(i, j, s + names.shared(i, j)));
        }
      }
    }
    return out;
  }

  private static void byNames(CentredVectors v, EntityIndex names, long[] t, double maxApart, double rareWeight,
      double threshold, Set<Long> seen, List<Edge> out) {
    int n = t.length;
    for (int[] posting : names.postingsAtLeast(rareWeight)) {
      for (int x = 0; x < posting.length; x++) {
        for (int y = x + 1; y < posting.length; y++) {
          int i = Math.min(posting[x], posting[y]);
          int j = Math.max(posting[x], posting[y]);
          if (Math.abs(t[i] - t[j]) > maxApart || !seen.add((long) i * n + j)) {
            continue;
          }
          double shared = names.shared(i, j);
          float s = shared >= rareWeight ? v.similarity(i, j) : -1f;
          if (shared >= rareWeight && s >= threshold) {
            out.add(new Edge(i, j, s + shared));
          }
        }
      }
    }
  }

  private static int[][] adjacency(int n, List<Edge> edges) {
    int[] degree = new int[n];
    for (Edge e : edges) {
      degree[e.a()]++;
      degree[e.b()]++;
    }
    int[][] adj = new int[n][];
    for (int i = 0; i < n; i++) {
      adj[i] = new int[degree[i]];
    }
    int[] fill = new int[n];
    for (Edge e : edges) {
      adj[e.a()][fill[e.a()]++] = e.b();
      adj[e.b()][fill[e.b()]++] = e.a();
    }
    for (int[] a : adj) {
      Arrays.sort(a);
    }
    return adj;
  }

  /** Links, strongest first. */
  List<Edge> edges() {
    return edges;
  }

  int[] neighbours(int i) {
    return neighbours[i];
  }
}
