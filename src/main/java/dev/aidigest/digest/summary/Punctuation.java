package dev.aidigest.digest.summary;

import dev.aidigest.digest.PostText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * How a quoted sentence ends and nests: every bracket and quote it opens is closed, and it ends with
 * one full stop in its own script ("。" after Chinese, "." after English), never "；。" or "，。".
 */
final class Punctuation {

    static final String OPENERS = "(（[［【「『《“";
    static final String CLOSERS = ")）]］】」』》”";
    private static final String TERMINAL = "。！？.!?";
    /** Clause marks and pauses that cannot end a sentence. */
    private static final String DANGLING = "，,、；;：:—–-…·/&|~～ \t";
    /** What a quoted sentence must not open with ("+1" and "～1,500" keep their signs). */
    private static final String LEADING = "，,、；;：:…· \t";

    private Punctuation() {}

    /**
     * {@code s} with unmatched closers dropped and unclosed openers closed at the end; an opener
     * with nothing after it ("…to produce a “") is dropped instead.
     */
    static String balance(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        Deque<Integer> open = new ArrayDeque<>(); // positions in out
        int asciiQuote = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int k = CLOSERS.indexOf(c);
            if (OPENERS.indexOf(c) >= 0) {
                open.push(out.length());
            } else if (k >= 0) {
                char opener = OPENERS.charAt(k);
                if (open.stream().noneMatch(at -> out.charAt(at) == opener)) {
                    continue; // a closer with nothing to close
                }
                while (out.charAt(open.peek()) != opener) {
                    out.append(closerOf(out.charAt(open.pop())));
                }
                open.pop();
            } else if (c == '"') {
                asciiQuote = asciiQuote < 0 ? out.length() : -1;
            }
            out.append(c);
        }
        int cut = out.length();
        while (cut > 0 && TERMINAL.indexOf(out.charAt(cut - 1)) >= 0) {
            cut--;
        }
        String end = out.substring(cut);
        String body = out.substring(0, cut);
        List<Integer> unclosed = new ArrayList<>(open); // innermost first
        if (asciiQuote >= 0) {
            unclosed.add(0, asciiQuote);
            unclosed.sort(Comparator.reverseOrder());
        }
        StringBuilder closers = new StringBuilder();
        for (int at : unclosed) {
            if (at >= body.length() || !hasLetters(body.substring(at + 1))) {
                body = body.substring(0, Math.min(at, body.length())); // nothing inside: drop the opener
                closers.setLength(0);
            } else {
                closers.append(body.charAt(at) == '"' ? '"' : closerOf(body.charAt(at)));
            }
        }
        String trimmed = trimDangling(body);
        return trimmed.isEmpty() ? trimmed : trimmed + closers + end;
    }

    /** A sentence closed by one full stop (or its own "！"/"？"), in the script it is written in. */
    static String close(String s) {
        String body = trimDangling(s);
        if (body.isEmpty()) {
            return body;
        }
        int last = body.length() - 1;
        while (last > 0 && CLOSERS.indexOf(body.charAt(last)) >= 0 || last > 0 && body.charAt(last) == '"') {
            last--;
        }
        if (TERMINAL.indexOf(body.charAt(last)) >= 0) {
            return body; // "…大概 5 分钟。" or "“快来试试！”"
        }
        return body + (isChinese(body) ? "。" : ".");
    }

    /** Chinese when its last letter is Chinese or most of it is; an English sentence ends with ".". */
    static boolean isChinese(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return PostText.hasCjk(String.valueOf(c)) || PostText.mostlyCjk(s);
            }
        }
        return PostText.hasCjk(s);
    }

    /** Without trailing clause marks, pauses and spaces, and without leading clause marks. */
    static String trimDangling(String s) {
        int end = s.length();
        while (end > 0 && DANGLING.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = 0;
        while (start < end && LEADING.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start, end);
    }

    private static boolean hasLetters(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static char closerOf(char opener) {
        return CLOSERS.charAt(OPENERS.indexOf(opener));
    }
}
