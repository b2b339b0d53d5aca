package dev.aidigest.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of Latin letters and digits, possibly joined by {@code .}, {@code -} or {@code _}
 * ({@code FLUX.2}, {@code Qwen3-VL}, {@code 4.5}), as it appears in mixed Chinese/English text.
 *
 * @param opensSentence  first word of the text, a sentence or a list item, where English capitalises
 *                       any word
 * @param adjacentToNext the next token follows after exactly one space (they may form a phrase)
 */
public record LatinToken(
        String text,
        int letters,
        int digits,
        int uppers,
        boolean innerCaps,
        boolean joined,
        boolean opensSentence,
        boolean adjacentToNext) {

    /** Where each token of {@link #scan}{@code (text)} starts in {@code text}, ascending. */
    public static int[] starts(String text) {
        int n = text.length();
        int[] out = new int[8];
        int size = 0;
        int i = 0;
        while (i < n) {
            if (!isAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            if (size == out.length) {
                out = java.util.Arrays.copyOf(out, size * 2);
            }
            out[size++] = i;
            while (i < n && (isAlnum(text.charAt(i)) || isJoiner(text, i))) {
                i++;
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }

    public static List<LatinToken> scan(String text) {
        List<LatinToken> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int lastEnd = -1;
        while (i < n) {
            if (!isAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isAlnum(text.charAt(i)) || isJoiner(text, i))) {
                i++;
            }
            if (!out.isEmpty()) {
                LatinToken prev = out.get(out.size() - 1);
                boolean adjacent = start - lastEnd == 1 && text.charAt(lastEnd) == ' ';
                out.set(out.size() - 1, prev.withAdjacent(adjacent));
            }
            out.add(of(text.substring(start, i), opensSentence(text, start)));
            lastEnd = i;
        }
        return out;
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

    private static LatinToken of(String s, boolean opensSentence) {
        int letters = 0;
        int digits = 0;
        int uppers = 0;
        boolean innerCaps = false;
        boolean joined = false;
        boolean lowerSeen = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    uppers++;
                    innerCaps |= k > 0 && lowerSeen;
                } else {
                    lowerSeen = true;
                }
            } else {
                joined = true;
            }
        }
        return new LatinToken(s, letters, digits, uppers, innerCaps, joined, opensSentence, false);
    }

    private LatinToken withAdjacent(boolean adjacent) {
        return new LatinToken(text, letters, digits, uppers, innerCaps, joined, opensSentence, adjacent);
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A joiner counts only between two alphanumerics: "FLUX.2" yes, "out." no. */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        return (c == '.' || c == '-' || c == '_')
                && i + 1 < text.length()
                && isAlnum(text.charAt(i + 1))
                && i > 0
                && isAlnum(text.charAt(i - 1));
    }
}
