package dev.aidigest.digest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * "Says the same thing" for short texts in any script: overlap of character bigrams after
 * dropping case, spaces and punctuation. Enough to skip a retweet or a quote that repeats the lead.
 */
public final class SentenceOverlap {

  private static final double SAME = 0.6;

  private SentenceOverlap() {}

  /** Lower case, letters and digits only. */
  public static String normalise(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** Both normalised: one contains the other, or their bigram sets overlap by at least 60 %. */
  public static boolean same(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b);
    }
    if (a.contains(b) || b.contains(a)) {
      return true;
    }
    return jaccard(bigrams(a), bigrams(b)) >= SAME;
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i + 1 < cps.length; i++) {
      out.add(new String(cps, i, 2));
    }
    if (cps.length == 1) {
      out.add(s);
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    int common = 0;
    for (String x : a) {
      if (b.contains(x)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
