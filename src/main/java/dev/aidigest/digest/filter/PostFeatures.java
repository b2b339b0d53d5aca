package dev.aidigest.digest.filter;

import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the filter measures of one post, computed once: the text as a reader would see it, the
 * same text ready for term matching, its Latin words and its Chinese characters. Nothing here
 * interprets what the text asks for; these are counts and spellings.
 *
 * @param text    the post's text with HTML entities decoded once more (X escapes {@code < > &}; a
 *                post that escaped them itself still shows its tags)
 * @param words   the words a reader reads, links and @mentions left out
 * @param plain   {@link #text} plus the post's links, whitespace collapsed: what a list's regular
 *                expressions see
 * @param match   {@link #plain} lower case, no spaces around {@code +}: what a list's words see
 * @param tokens  Latin words and product-like names of {@link #words} ({@code FLUX.2}, {@code Qwen3-VL})
 * @param han     Chinese characters in {@link #words}
 */
record PostFeatures(String text, String words, String plain, String match, List<Token> tokens, int han) {

    private static final Pattern LINK = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@\\w{1,30}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    /**
     * A run of Latin letters and digits, joined by {@code . - _} between two of them.
     *
     * @param innerCaps an upper-case letter after a lower-case one ({@code NotebookLM}, {@code iPhone})
     */
    record Token(String text, int letters, int digits, boolean innerCaps) {}

    static PostFeatures of(Post post) {
        String text = unescape(post.text());
        String words = MENTION.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
        StringBuilder all = new StringBuilder(text);
        post.links().forEach(l -> all.append(' ').append(l));
        String plain = SPACES.matcher(all).replaceAll(" ").strip();
        String match = TermList.normalise(plain);
        int han = (int) words.codePoints().filter(PostFeatures::isHan).count();
        return new PostFeatures(text, words, plain, match, scan(words), han);
    }

    /** Latin words plus half a word per Chinese character: how much there is to read. */
    double wordCount() {
        return tokens.size() + han / 2.0;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** {@code &lt;script&gt;} → {@code <script>}; {@code &amp;} last, so {@code &amp;lt;} is decoded once only. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = NUMERIC_ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String n = m.group(1);
            int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            String decoded = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static List<Token> scan(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isAlnum(text.charAt(i)) || isJoiner(text, i))) {
                i++;
            }
            out.add(token(text.substring(start, i)));
        }
        return out;
    }

    private static Token token(String s) {
        int letters = 0;
        int digits = 0;
        boolean innerCaps = false;
        boolean lowerSeen = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    innerCaps |= lowerSeen;
                } else {
                    lowerSeen = true;
                }
            }
        }
        return new Token(s, letters, digits, innerCaps);
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
