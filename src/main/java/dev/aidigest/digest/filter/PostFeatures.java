package dev.aidigest.digest.filter;

import dev.aidigest.ingest.Post;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
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
record PostFeatures(String text, String words, String plain, String match, List<LatinToken> tokens, int han) {

    private static final Pattern LINK = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@\\w{1,30}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    static PostFeatures of(Post post) {
        String text = unescape(post.text());
        String words = MENTION.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
        StringBuilder all = new StringBuilder(text);
        post.links().forEach(l -> all.append(' ').append(l));
        String plain = SPACES.matcher(all).replaceAll(" ").strip();
        String match = TermList.normalise(plain);
        int han = (int) words.codePoints().filter(PostFeatures::isHan).count();
        return new PostFeatures(text, words, plain, match, MixedText.latin(words), han);
    }

    /** Latin words plus half a word per Chinese character: how much there is to read. */
    double wordCount() {
        return tokens.size() + han / 2.0;
    }

    static boolean isHan(int cp) {
        return MixedText.isHan(cp);
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
}
