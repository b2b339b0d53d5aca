package dev.aidigest.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading a post's text as prose: without links, emoji and hashtag spam, cut into sentences, and
 * shortened at a clause or word boundary. Used by the offline summarizer and to trim what the LLM
 * is sent.
 */
public final class PostText {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:RT\\s+)?(?:@\\w+[:：]?\\s*)+");
    /** Two or more hashtags in a row are tagging, not words. */
    private static final Pattern HASHTAG_RUN = Pattern.compile("(?:[#＃][\\p{L}\\p{N}_]+[\\s,，]*){2,}");
    /** "#FLUX2 is out" keeps the word; "#1" is a rank, not a tag. */
    private static final Pattern HASH = Pattern.compile("[#＃](?=[\\p{L}_])");

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "etc", "jr", "sr", "st", "no",
            "fig", "approx");
    private static final String CLAUSE_MARKS = "，,：:；;—、";

    private static final Pattern LIST_MARK = Pattern.compile("^\\d{1,2}[.．、)）]\\s*(?=\\D)");

    private PostText() {}

    /** The text without URLs, emoji, leading @mentions and hashtag runs, whitespace collapsed. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = URL.matcher(text).replaceAll(" ");
        s = stripEmoji(s);
        s = LEADING_MENTIONS.matcher(s.strip()).replaceFirst("");
        s = HASHTAG_RUN.matcher(s).replaceAll(" ");
        s = HASH.matcher(s).replaceAll("");
        s = s.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[ \\n]*", "\n");
        return s.strip();
    }

    /** Sentences in order, each with its closing punctuation; blank and symbol-only pieces dropped. */
    public static List<String> sentences(String cleaned) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c == '\n') {
                // "重点：\n1. …" introduces what follows: keep it with the next line instead of a dangling "：。"
                int end = cur.length() - 1;
                while (end >= 0 && Character.isWhitespace(cur.charAt(end))) {
                    end--;
                }
                if (end >= 0 && (cur.charAt(end) == '：' || cur.charAt(end) == ':')) {
                    cur.append(PostText.hasCjk(cur) ? "" : " ");
                    continue;
                }
                flush(cur, out);
                continue;
            }
            cur.append(c);
            if ("。！？；!?".indexOf(c) >= 0 && !closesEarly(cleaned, i)) {
                flush(cur, out);
            } else if ((c == '.' || c == ';') && !isListMarker(cur) && endsSentence(cleaned, i, cur)) {
                flush(cur, out);
            }
        }
        flush(cur, out);
        return out;
    }

    /** "1." or "12." right after a colon, a list mark or the start: numbering, not the end of a sentence. */
    private static boolean isListMarker(StringBuilder cur) {
        int i = cur.length() - 2;
        int digits = 0;
        while (i >= 0 && Character.isDigit(cur.charAt(i))) {
            i--;
            digits++;
        }
        return digits >= 1 && digits <= 2 && (i < 0 || "：:;；。 ".indexOf(cur.charAt(i)) >= 0);
    }

    /** True when the text has a CJK ideograph. */
    public static boolean hasCjk(CharSequence s) {
        return cjkCount(s) > 0;
    }

    public static int cjkCount(CharSequence s) {
        return (int) s.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
    }

    /** Mostly Chinese: CJK ideographs make up at least a fifth of the letters. */
    public static boolean mostlyCjk(String s) {
        long letters = s.codePoints().filter(Character::isLetter).count();
        return letters > 0 && cjkCount(s) * 5L >= letters;
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * At most {@code max} code points: cut at the last clause mark in the second half, else at the
     * last space (Latin text), else between characters without splitting a Latin word; "…" marks a cut.
     */
    public static String shorten(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        String head = s.substring(0, s.offsetByCodePoints(0, max - 1));
        int cut = -1;
        for (int i = head.length() - 1; i >= head.length() / 2; i--) {
            if (CLAUSE_MARKS.indexOf(head.charAt(i)) >= 0) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            int end = head.length();
            while (end > 0 && isWordChar(head.charAt(end - 1)) && isWordChar(s.charAt(end))) {
                end--;
            }
            cut = end > head.length() / 2 ? end : head.length();
        }
        return trimEnd(head.substring(0, cut)) + "…";
    }

    /** Drops trailing spaces and sentence or clause punctuation. */
    public static String trimEnd(String s) {
        return s.replaceAll("[\\s。．.，,：:；;！!？?、—…-]+$", "");
    }

    static String stripEmoji(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (!isEmoji(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0x200D
                || cp == 0x20E3
                || (cp >= 0xE0020 && cp <= 0xE007F)
                || cp == 0x231A
                || cp == 0x231B
                || (cp >= 0x23E9 && cp <= 0x23FA);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN
                || c == '.'
                || c == '-'
                || c == '_';
    }

    /** "！？" followed by more closing marks or quotes: end after them. */
    private static boolean closesEarly(String s, int i) {
        return i + 1 < s.length() && "！？!?”」』）)\"'".indexOf(s.charAt(i + 1)) >= 0;
    }

    private static boolean endsSentence(String s, int i, StringBuilder cur) {
        if (i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
            return false; // FLUX.2, 4.5, example.com
        }
        String before = cur.substring(0, cur.length() - 1);
        int space = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'));
        String word = before.substring(space + 1).toLowerCase(java.util.Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        return !(word.length() == 1 && Character.isUpperCase(before.charAt(before.length() - 1))); // "H. Diamandis"
    }

    private static void flush(StringBuilder cur, List<String> out) {
        // a list item read as a sentence keeps its words, not its "2．" numbering
        String s = LIST_MARK.matcher(cur.toString().strip()).replaceFirst("");
        cur.setLength(0);
        if (s.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
    }
}
