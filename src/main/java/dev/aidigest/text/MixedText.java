package dev.aidigest.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The one reading of mixed Chinese/English text into words: {@linkplain #latin Latin tokens} and
 * {@linkplain #hanRuns Han runs}, each with where it starts. The digest, search, the word cloud,
 * the LLM checks and the summaries all find their words here and differ only in what they do with
 * them (case, stop words, splitting, segmenting a Han run with {@link Jieba} or into character
 * pairs).
 *
 * <p>A Latin token is a run of letters and digits in which a {@linkplain Rules#joiners() joiner}
 * counts only between two of them: {@code FLUX.2} is one token, the full stop of {@code out.} none.
 * Which marks join, and which may trail a token ({@code C++}), is {@link Rules}: names read with
 * {@link Rules#NAMES} ({@code . - _}), search and the LLM checks add {@code + /} and more.
 */
public final class MixedText {

    private MixedText() {}

    /**
     * What a Latin token is made of.
     *
     * @param anyLatinLetter letters of the whole Latin script ({@code café}, {@code Straße}), not only
     *                       ASCII; digits are always ASCII
     * @param joiners        marks that join two letters or digits into one token
     * @param trailing       marks a token may end with, any number of them ({@code +} of {@code C++})
     */
    public record Rules(boolean anyLatinLetter, String joiners, String trailing) {

        /**
         * ASCII letters and digits joined by {@code . - _}: {@code FLUX.2}, {@code Qwen3-VL},
         * {@code 4.5}, {@code gpt_oss}. How the digest reads names, and the base of the others.
         */
        public static final Rules NAMES = new Rules(false, ".-_", "");

        public Rules {
            for (char c : (joiners + trailing).toCharArray()) {
                if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("a joiner or trailing mark is punctuation: " + c);
                }
            }
        }

        /** These rules with more joiners ({@code "+/"} joins {@code gpt-4o/mini} and {@code a+b}). */
        public Rules withJoiners(String more) {
            return new Rules(anyLatinLetter, joiners + more, trailing);
        }

        /** These rules with marks a token may end with ({@code "+"} keeps {@code C++} whole). */
        public Rules withTrailing(String marks) {
            return new Rules(anyLatinLetter, joiners, trailing + marks);
        }

        /** These rules with letters of the whole Latin script. */
        public Rules withAnyLatinLetter() {
            return new Rules(true, joiners, trailing);
        }

        boolean isAlnum(int c) {
            if (c < 0x80) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }
            return anyLatinLetter && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
        }

        /** Where the token that starts at {@code start} (a letter or digit) ends. */
        int end(String text, int start) {
            int n = text.length();
            int i = start;
            while (i < n) {
                int c = text.codePointAt(i);
                if (isAlnum(c)) {
                    i += Character.charCount(c);
                } else if (joiners.indexOf(c) >= 0 && i + 1 < n && isAlnum(text.codePointAt(i + 1))) {
                    i++; // the character before is a letter or digit of this token
                } else {
                    break;
                }
            }
            while (i < n && trailing.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            return i;
        }
    }

    /** A maximal run of characters of one kind (Han, or Han and kana) and where it starts. */
    public record Run(String text, int start) {
        public int end() {
            return start + text.length();
        }
    }

    /** The Latin tokens of {@code text} by {@link Rules#NAMES}, in order. */
    public static List<LatinToken> latin(String text) {
        return latin(text, Rules.NAMES);
    }

    /** The Latin tokens of {@code text} by {@code rules}, in order. */
    public static List<LatinToken> latin(String text, Rules rules) {
        List<LatinToken> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int lastEnd = -1;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!rules.isAlnum(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            i = rules.end(text, start);
            if (!out.isEmpty()) {
                LatinToken prev = out.get(out.size() - 1);
                boolean adjacent = start - lastEnd == 1 && text.charAt(lastEnd) == ' ';
                out.set(out.size() - 1, prev.withAdjacent(adjacent));
            }
            out.add(LatinToken.of(text.substring(start, i), start, opensSentence(text, start)));
            lastEnd = i;
        }
        return out;
    }

    /** Where each token of {@link #latin}{@code (text)} starts, ascending; no token is made. */
    public static int[] latinStarts(String text) {
        Rules rules = Rules.NAMES;
        int n = text.length();
        int[] out = new int[8];
        int size = 0;
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!rules.isAlnum(c)) {
                i += Character.charCount(c);
                continue;
            }
            if (size == out.length) {
                out = Arrays.copyOf(out, size * 2);
            }
            out[size++] = i;
            i = rules.end(text, i);
        }
        return Arrays.copyOf(out, size);
    }

    private static boolean opensSentence(String text, int start) {
        int k = start - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char c = text.charAt(k);
        return ".!?:;)\n…".indexOf(c) >= 0
                || Character.getType(c) == Character.OTHER_SYMBOL
                || Character.isSurrogate(c);
    }

    /** The runs of Han characters (Chinese; kanji), in order: what jieba segments or pairs are made of. */
    public static List<Run> hanRuns(String text) {
        return runs(text, MixedText::isHan);
    }

    /**
     * The runs of Han characters and Japanese kana together, in order: text without spaces to split
     * on, in either language.
     */
    public static List<Run> cjkRuns(String text) {
        return runs(text, c -> isHan(c) || isKana(c));
    }

    public static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isKana(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    private static List<Run> runs(String text, IntPredicate kind) {
        List<Run> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!kind.test(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < n && kind.test(c = text.codePointAt(i))) {
                i += Character.charCount(c);
            }
            out.add(new Run(text.substring(start, i), start));
        }
        return out;
    }
}
