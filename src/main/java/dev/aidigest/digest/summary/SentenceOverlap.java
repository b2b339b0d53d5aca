package dev.aidigest.digest.summary;

import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * "Says the same thing" for short texts in any script: overlap of character bigrams after
 * dropping case, spaces and punctuation. Enough to skip a retweet or a quote that repeats the lead.
 */
public final class SentenceOverlap {

    private static final double SAME = 0.6;
    /** Words joined by {@code . - +} ({@code gpt-4o}, {@code 4.5}, {@code a+b}); an underscore separates. */
    private static final MixedText.Rules WORDS = new MixedText.Rules(false, ".-+", "");

    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "with", "this", "that", "these", "those", "from", "here", "there", "have", "has",
            "had", "are", "was", "were", "will", "would", "not", "but", "you", "your", "our", "its", "into", "than",
            "then", "more", "most", "just", "now", "all", "can", "out", "about", "what", "when", "who", "how", "why",
            "new", "one", "get", "got", "very", "really", "much", "many", "they", "them", "their", "his", "her", "she",
            "him", "been", "being", "some", "any", "also", "still", "only", "even", "like", "today", "via");

    private SentenceOverlap() {}

    /** Lower case, letters and digits only. */
    public static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(sb::appendCodePoint);
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

    /**
     * What a text talks about, to compare it with a story's topic: bigrams of its Chinese and
     * Japanese runs (no spaces to split on) and its Latin words of three or more letters or with a
     * digit ({@code 80%} with its per cent sign), without stop words; letter bigrams of English would
     * match any two sentences.
     */
    static Set<String> topicFeatures(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        for (LatinToken t : MixedText.latin(lower, WORDS)) {
            String w = t.end() < lower.length() && lower.charAt(t.end()) == '%' ? t.text() + '%' : t.text();
            if ((w.length() >= 3 || t.digits() > 0) && !STOPWORDS.contains(w)) {
                out.add(w);
            }
        }
        for (MixedText.Run run : MixedText.cjkRuns(lower)) {
            out.addAll(bigrams(run.text()));
        }
        return out;
    }

    /** Character bigrams of a normalised text. */
    static Set<String> bigrams(String s) {
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

    static int shared(Set<String> a, Set<String> b) {
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return common;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        int common = shared(a, b);
        return (double) common / (a.size() + b.size() - common);
    }
}
