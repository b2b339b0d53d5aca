package dev.aidigest.text;

/**
 * How text and names are compared: full-width Latin letters and digits fold to ASCII, case folds
 * per character (so offsets stay put), and separators ({@code space - _ ·} and their kin) fold to
 * one space. A separator next to a Chinese or Japanese character is dropped, because Chinese text
 * writes {@code 谷歌 DeepMind} and {@code 谷歌DeepMind} alike.
 */
final class Folding {

    static final char SEP = ' ';

    private Folding() {}

    /** Full-width ASCII to ASCII and the ideographic space to a space; everything else unchanged. */
    static char width(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\r', '\u00A0', '-', '_', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> true;
            case '\u00B7', '\u30FB', '\u2022', '\u2027', '\uFF65' -> true; // the dots between a foreign name's parts
            default -> false;
        };
    }

    /** Chinese, Japanese and Korean characters and punctuation: they never form a Latin word. */
    static boolean isCjk(char c) {
        return c >= '\u2E80' && c < '\uA000'
                || c >= '\uAC00' && c < '\uD7B0'
                || c >= '\uF900' && c < '\uFB00'
                || c >= '\uFE30' && c < '\uFE50'
                || c >= '\uFF61' && c <= '\uFF9F';
    }

    /** A character that continues a Latin word: "Nvidiaa" is not "Nvidia", "Nvidia's" is. */
    static boolean isWord(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return !isCjk(c) && Character.isLetterOrDigit(c);
    }

    /**
     * Folds {@code s} into {@code out} (lower case unless {@code keepCase}); {@code at[k]} is the index
     * in {@code s} of {@code out[k]}. Returns the folded length; runs of separators become one
     * {@link #SEP}, none at either end.
     */
    static int fold(CharSequence s, boolean keepCase, char[] out, int[] at) {
        int n = 0;
        int sepAt = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u3400' && c < '\uA000' && n > 0 && sepAt < 0) {
                out[n] = c; // Han and Yi: nothing to fold, the bulk of Chinese text
                if (at != null) {
                    at[n] = i;
                }
                n++;
                continue;
            }
            c = width(c);
            if (isSeparator(c)) {
                if (n > 0 && sepAt < 0) {
                    sepAt = i;
                }
                continue;
            }
            if (!keepCase) {
                c = Character.toLowerCase(c);
            }
            if (sepAt >= 0) {
                if (!isCjk(out[n - 1]) && !isCjk(c)) {
                    out[n] = SEP;
                    if (at != null) {
                        at[n] = sepAt;
                    }
                    n++;
                }
                sepAt = -1;
            }
            out[n] = c;
            if (at != null) {
                at[n] = i;
            }
            n++;
        }
        return n;
    }

    /** {@link #fold} as a string. */
    static String fold(CharSequence s, boolean keepCase) {
        char[] out = new char[s.length()];
        return new String(out, 0, fold(s, keepCase, out, null));
    }

    /** What {@code idOf} compares: folded, lower case, without any separator. */
    static String key(CharSequence s) {
        String f = fold(s, false);
        StringBuilder sb = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) != SEP) {
                sb.append(f.charAt(i));
            }
        }
        return sb.toString();
    }

    /**
     * The entity key of a Latin name, as the digest's name extraction makes it: lower case; no spaces,
     * hyphens or underscores; dots only between two digits ({@code Moonshot AI} → {@code moonshotai},
     * {@code Opus 4.5} → {@code opus4.5}).
     */
    static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                boolean between = i > 0
                        && i + 1 < name.length()
                        && Character.isDigit(name.charAt(i - 1))
                        && Character.isDigit(name.charAt(i + 1));
                if (between) {
                    sb.append('.');
                }
            } else if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
