package dev.aidigest.bench;

import dev.aidigest.text.Aliases;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Aliases#find} and {@link Aliases#findAll} over a window of 5,000 tweet-length posts with
 * the bundled list: the clusterer, search indexing and the word cloud run it on every post. Prints
 * the first (cold) pass and the median of the warm ones. Run: mvn -o -Pbench test -Dtest=AliasesBench
 */
class AliasesBench {

    static final int POSTS = 5_000;
    static final int ROUNDS = 30;

    @Test
    void findOverAWindowOfPosts() {
        long loadStart = System.nanoTime();
        Aliases aliases = Aliases.bundled();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        List<String> texts = TweetTexts.generate(POSTS, new Random(42));
        int chars = texts.stream().mapToInt(String::length).sum();

        long first = System.nanoTime();
        int matches = count(aliases, texts, false);
        double cold = (System.nanoTime() - first) / 1e6;
        long[] find = rounds(aliases, texts, false);
        long[] findAll = rounds(aliases, texts, true);
        System.out.printf("aliases: %s, loaded in %d ms%n", aliases.counts(), loadMs);
        System.out.printf(
                "find() over %d posts (%d chars, %d matches): first pass %.1f ms, warm median %.1f ms (best %.1f);"
                        + " findAll() warm median %.1f ms%n",
                POSTS,
                chars,
                matches,
                cold,
                median(find) / 1e6,
                Arrays.stream(find).min().orElse(0) / 1e6,
                median(findAll) / 1e6);
    }

    /** Each round times one pass over the window; the machine is shared, so the median is what counts. */
    private static long[] rounds(Aliases aliases, List<String> texts, boolean all) {
        long[] out = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            count(aliases, texts, all);
            out[r] = System.nanoTime() - t0;
        }
        return out;
    }

    private static int count(Aliases aliases, List<String> texts, boolean all) {
        int m = 0;
        for (String t : texts) {
            m += all ? aliases.findAll(t).size() : aliases.find(t).size();
        }
        return m;
    }

    private static double median(long[] xs) {
        long[] s = Arrays.copyOfRange(xs, ROUNDS / 3, xs.length); // the first rounds warm the JIT
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
