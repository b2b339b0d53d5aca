package dev.aidigest.text;

/**
 * A run of Latin letters and digits, possibly joined by the {@linkplain MixedText.Rules joiners} of
 * the rules it was read with ({@code FLUX.2}, {@code Qwen3-VL}, {@code 4.5}), as it appears in mixed
 * Chinese/English text; found by {@link MixedText#latin}.
 *
 * @param start          where it starts in the text it was read from
 * @param letters        letters in it
 * @param digits         ASCII digits in it
 * @param uppers         upper-case letters in it
 * @param innerCaps      an upper-case letter after a lower-case one ({@code iPhone}, {@code DeepSeek})
 * @param joined         it has a joiner or a trailing mark ({@code FLUX.2}, {@code C++})
 * @param opensSentence  first word of the text, a sentence or a list item, where English capitalises
 *                       any word
 * @param adjacentToNext the next token follows after exactly one space (they may form a phrase)
 */
public record LatinToken(
        String text,
        int start,
        int letters,
        int digits,
        int uppers,
        boolean innerCaps,
        boolean joined,
        boolean opensSentence,
        boolean adjacentToNext) {

    /** Where it ends in the text it was read from (exclusive). */
    public int end() {
        return start + text.length();
    }

    static LatinToken of(String s, int start, boolean opensSentence) {
        int letters = 0;
        int digits = 0;
        int uppers = 0;
        boolean innerCaps = false;
        boolean joined = false;
        boolean lowerSeen = false;
        for (int k = 0; k < s.length(); ) {
            int c = s.codePointAt(k);
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
            k += Character.charCount(c);
        }
        return new LatinToken(s, start, letters, digits, uppers, innerCaps, joined, opensSentence, false);
    }

    LatinToken withAdjacent(boolean adjacent) {
        return new LatinToken(text, start, letters, digits, uppers, innerCaps, joined, opensSentence, adjacent);
    }
}
