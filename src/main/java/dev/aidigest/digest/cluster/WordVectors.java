package dev.aidigest.digest.cluster;

import dev.aidigest.digest.PostWords;
import dev.aidigest.text.Aliases;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of each unit of one window as a TF-IDF vector, read the same way in Chinese and English:
 * a name becomes its entity ({@code 英伟达} and {@code Nvidia} one word), a term of AI news its
 * meaning ({@code 行政令} and {@code executive order} one word, {@code config/terms.yml}), other Latin
 * words ({@link LatinToken}, as names are read) themselves, in lower case with a plural's {@code s}
 * dropped, and other Chinese text its character
 * pairs, the usual unit of Chinese retrieval. The cosine of two vectors is what their words share,
 * weighted by how rare each is in the window: the evidence a multilingual reader has where the
 * embedding model sees two languages as far apart.
 */
final class WordVectors {

    /** Document frequency is measured as if the window had at least this many units (see {@link EntityIndex}). */
    private static final int MIN_WINDOW = EntityIndex.MIN_WINDOW;

    /**
     * A word in more units than this share of the window (and at least {@value #MIN_POSTING}) does
     * not make its units candidate pairs on its own: they are found by their other evidence or not
     * at all, so a 5,000-post window does not score every pair that says "model".
     */
    private static final double MAX_POSTING_SHARE = 0.02;

    private static final int MIN_POSTING = 12;

    /** A unit proposes candidates through its rarest words only. */
    private static final int POSTING_WORDS = 12;

    private final int[][] words;
    private final float[][] weights;
    private final int[][] bilingual;
    private final float[][] bilingualWeights;
    private final int[][] postings;

    private WordVectors(
            int[][] words, float[][] weights, int[][] bilingual, float[][] bilingualWeights, int[][] postings) {
        this.words = words;
        this.weights = weights;
        this.bilingual = bilingual;
        this.bilingualWeights = bilingualWeights;
        this.postings = postings;
    }

    static WordVectors of(List<String> texts, Aliases names, Aliases terms, Set<String> stopwords) {
        int n = texts.size();
        Map<String, Integer> dict = new HashMap<>();
        List<Boolean> shared = new ArrayList<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>(n);
        List<Integer> df = new ArrayList<>();
        for (String text : texts) {
            Map<Integer, Integer> tf = new HashMap<>();
            for (String w : words(text, names, terms, stopwords)) {
                int id = dict.computeIfAbsent(w, k -> dict.size());
                if (id == df.size()) {
                    df.add(0);
                    shared.add(isBilingual(w));
                }
                if (tf.merge(id, 1, Integer::sum) == 1) {
                    df.set(id, df.get(id) + 1);
                }
            }
            counts.add(tf);
        }
        double bigN = Math.max(MIN_WINDOW, n);
        int maxPosting = (int) Math.max(MIN_POSTING, MAX_POSTING_SHARE * n);
        int[][] words = new int[n][];
        float[][] weights = new float[n][];
        int[][] bilingual = new int[n][];
        float[][] bilingualWeights = new float[n][];
        int[][] postings = new int[n][];
        for (int u = 0; u < n; u++) {
            Map<Integer, Integer> tf = counts.get(u);
            int[] ids =
                    tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] both = Arrays.stream(ids).filter(shared::get).toArray();
            words[u] = ids;
            weights[u] = tfIdf(ids, tf, df, bigN);
            bilingual[u] = both;
            bilingualWeights[u] = tfIdf(both, tf, df, bigN);
            postings[u] = Arrays.stream(ids)
                    .filter(id -> df.get(id) >= 2 && df.get(id) <= maxPosting)
                    .boxed()
                    .sorted((a, b) -> Integer.compare(df.get(a), df.get(b)))
                    .limit(POSTING_WORDS)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return new WordVectors(words, weights, bilingual, bilingualWeights, postings);
    }

    /** Unit-length (1 + ln tf) × idf weights of {@code ids}. */
    private static float[] tfIdf(int[] ids, Map<Integer, Integer> tf, List<Integer> df, double bigN) {
        float[] w = new float[ids.length];
        double norm = 0;
        for (int k = 0; k < ids.length; k++) {
            double x = (1 + Math.log(tf.get(ids[k]))) * Math.log((bigN + 1) / (df.get(ids[k]) + 0.5));
            w[k] = (float) x;
            norm += x * x;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int k = 0; k < w.length; k++) {
            w[k] *= scale;
        }
        return w;
    }

    /**
     * A word both languages write alike: a name, a term, or a Latin word with a digit (a version, a
     * figure: {@code 2.2}, {@code 256k}). A Chinese and an English telling can share only these, so
     * between them only these are compared: a Chinese post's other words can never be in the
     * English one, and would only dilute what they share.
     */
    private static boolean isBilingual(String word) {
        if (word.startsWith("e:") || word.startsWith("t:")) {
            return true;
        }
        if (word.startsWith("w:")) {
            for (int i = 2; i < word.length(); i++) {
                if (Character.isDigit(word.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The cosine of two units' word vectors (0 … 1): of all their words when both are in one
     * script, of their {@linkplain #isBilingual bilingual} words when one is Chinese and the other not.
     */
    double cosine(int a, int b, boolean crossScript) {
        return crossScript
                ? dot(bilingual[a], bilingualWeights[a], bilingual[b], bilingualWeights[b])
                : dot(words[a], weights[a], words[b], weights[b]);
    }

    private static double dot(int[] x, float[] wx, int[] y, float[] wy) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                dot += wx[i++] * wy[j++];
            }
        }
        return dot;
    }

    /** The rare words through which unit {@code u} proposes candidate pairs. */
    int[] postings(int u) {
        return postings[u];
    }

    /** The words of one text, as {@link WordVectors} counts them, in text order. */
    static List<String> words(String text, Aliases names, Aliases terms, Set<String> stopwords) {
        String clean = PostWords.clean(text);
        char[] rest = clean.toCharArray();
        List<String> out = new ArrayList<>();
        for (Aliases.Match m : names.find(clean)) {
            out.add("e:" + m.id());
            Arrays.fill(rest, m.start(), m.end(), ' ');
        }
        String afterNames = new String(rest);
        for (Aliases.Match m : terms.find(afterNames)) {
            out.add("t:" + m.id());
            Arrays.fill(rest, m.start(), m.end(), ' ');
        }
        java.util.regex.Matcher n = CHINESE_NUMBER.matcher(new String(rest));
        while (n.find()) {
            out.add("w:" + figure(n.group(1), n.group(2)));
            Arrays.fill(rest, n.start(), n.end(), ' ');
        }
        String blanked = new String(rest);
        for (LatinToken t : MixedText.latin(blanked)) {
            String w = latin(t.text(), stopwords);
            if (w != null) {
                out.add("w:" + w);
            }
        }
        for (MixedText.Run run : MixedText.hanRuns(blanked)) {
            int[] cps = run.text().codePoints().toArray();
            for (int k = 0; k + 1 < cps.length; k++) {
                out.add("c:" + new String(cps, k, 2));
            }
        }
        return out;
    }

    /** A figure counted in Chinese units: 520 亿, 1.2 万亿, 100 万. */
    private static final java.util.regex.Pattern CHINESE_NUMBER =
            java.util.regex.Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?) ?(万亿|亿|万)");

    /**
     * A figure in Chinese units written as English writes it: 520 亿 is 52b, 1.2 万亿 1.2t, 100 万 1m,
     * 3 万 30k, so "激活 520 亿" and "52B active" share a word.
     */
    static String figure(String number, String unit) {
        double v = Double.parseDouble(number)
                * switch (unit) {
                    case "万亿" -> 1e12;
                    case "亿" -> 1e8;
                    default -> 1e4;
                };
        String[] suffixes = {"t", "b", "m", "k"};
        double[] scales = {1e12, 1e9, 1e6, 1e3};
        for (int i = 0; i < scales.length; i++) {
            if (v >= scales[i]) {
                return java.math.BigDecimal.valueOf(v / scales[i])
                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString()
                        + suffixes[i];
            }
        }
        return number;
    }

    private static String latin(String token, Set<String> stopwords) {
        String w = token.toLowerCase(Locale.ROOT);
        if (w.length() < 2 || stopwords.contains(w)) {
            return null;
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
