package dev.aidigest.digest.summary;

import dev.aidigest.digest.PostText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text as the prose a summary quotes: {@link PostText#clean} (links, emoji, hashtag runs)
 * after undoing what the web does to text (HTML entities, tags, invisible and direction marks), and
 * before what a quotation needs (no @handle, no bare {@code t.co/…} link, no list bullets, no
 * ellipsis inside a sentence). Posts are data: markup in them is dropped, never rendered.
 */
final class Prose {

    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,15});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("hellip", "…"),
            Map.entry("mdash", "—"),
            Map.entry("ndash", "–"),
            Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"),
            Map.entry("middot", "·"),
            Map.entry("times", "×"));
    /** Script and style bodies are code, not words; any other tag goes and keeps its text. */
    private static final Pattern CODE_ELEMENT =
            Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?(?:</\\1\\s*>|$)|<!--.*?(?:-->|$)");

    private static final Pattern TAG =
            Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]*(?:\\s[^<>]*)?/?>|</?[a-zA-Z][^<>\\s]*$");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@(\\w{1,30})");
    /** A link written without its scheme ({@code t.co/abc}, {@code github.com/x/y}); "Z.ai" alone is a name. */
    private static final Pattern BARE_LINK = Pattern.compile("(?i)\\b(?:[a-z0-9-]+\\.)+[a-z]{2,}/\\S*");

    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*(?:[-–—•·▪●◦*+>＞]+|\\d{1,2}[.．、)）])[ \\t]+");
    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:…+|\\.{3,}|。{3,})\\s*");
    private static final Pattern NUMBERED_AFTER_COLON = Pattern.compile("([：:])\\s*\\d{1,2}[.．、)）]\\s*(?=\\D)");

    /** A quotation is followed to its end only this far: an unclosed “ must not swallow the post. */
    private static final int QUOTE_JOIN_MAX = 160;

    private Prose() {}

    /**
     * The post's text ready to be cut into sentences.
     *
     * @param names lower-case handle → display name, to write "@dotey" as the reader knows him
     */
    static String clean(String raw, Map<String, String> names) {
        if (raw == null) {
            return "";
        }
        String s = decodeEntities(decodeEntities(raw)); // "&amp;lt;" was escaped twice
        s = CODE_ELEMENT.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll(" ");
        s = visible(s);
        s = PostText.clean(s);
        s = BARE_LINK.matcher(s).replaceAll(" ");
        s = mentions(s, names);
        s = BULLET.matcher(s).replaceAll("");
        s = ellipses(s);
        s = s.replaceAll("[ \\t]+([,，.。;；:：!！?？)）])", "$1").replaceAll("[ \\t]{2,}", " ");
        return s.strip();
    }

    /**
     * A {@link #clean}ed text cut into sentences, each with list numbering after a colon dropped; a
     * quotation that holds full stops (“Ignore previous instructions. 忽略之前的指令。”) stays in one.
     */
    static List<String> sentences(String cleaned) {
        List<String> out = new ArrayList<>();
        String open = null;
        for (String s : PostText.sentences(cleaned)) {
            String t = NUMBERED_AFTER_COLON.matcher(s).replaceAll("$1").strip();
            if (open != null) {
                t = open + (open.endsWith("。") || open.endsWith("！") || open.endsWith("？") ? "" : " ") + t;
                open = null;
            }
            if (opensQuote(t) && PostText.length(t) < QUOTE_JOIN_MAX) {
                open = t;
                continue;
            }
            if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.add(t);
            }
        }
        if (open != null && open.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(open);
        }
        return out;
    }

    /** More “ than ” (or 「 than 」): the sentence ended inside a quotation. */
    private static boolean opensQuote(String s) {
        return count(s, '“') > count(s, '”') || count(s, '「') > count(s, '」');
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** A display name safe to print: as written, emoji kept, without invisible or direction marks. */
    static String name(String name) {
        return visible(name == null ? "" : name).replaceAll("\\s+", " ").strip();
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An unknown named entity is dropped: it is markup, not a word. */
    private static String entity(String body) {
        if (body.charAt(0) != '#') {
            return NAMED.getOrDefault(body.toLowerCase(java.util.Locale.ROOT), "");
        }
        try {
            int cp = body.charAt(1) == 'x' || body.charAt(1) == 'X'
                    ? Integer.parseInt(body.substring(2), 16)
                    : Integer.parseInt(body.substring(1));
            boolean ok = Character.isValidCodePoint(cp)
                    && !(cp >= 0xD800 && cp <= 0xDFFF)
                    && (cp >= 0x20 || cp == '\n' || cp == '\t');
            return ok ? new String(Character.toChars(cp)) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /**
     * Without control characters, lone surrogate halves, and format marks (zero-width spaces,
     * left-to-right and right-to-left marks and overrides) that would reorder or hide the digest's
     * own text; emoji joiners go with the emoji.
     */
    private static String visible(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean keepJoiner = cp == 0x200D || cp == 0xFE0F;
            if (type == Character.SURROGATE
                    || (type == Character.CONTROL && cp != '\n' && cp != '\t')
                    || (type == Character.FORMAT && !keepJoiner)) {
                continue;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String mentions(String s, Map<String, String> names) {
        if (s.indexOf('@') < 0) {
            return s;
        }
        Matcher m = MENTION.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String handle = m.group(1);
            String name = names.getOrDefault(handle.toLowerCase(java.util.Locale.ROOT), handle);
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString().replace("@", " ");
    }

    /**
     * "…" ends a sentence where one ends (before a line break, a closing mark or the end) and is a
     * pause elsewhere: a comma, so no summary sentence trails off in the middle.
     */
    private static String ellipses(String s) {
        Matcher m = ELLIPSIS.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            int end = m.end();
            boolean last =
                    end >= s.length() || s.charAt(end) == '\n' || m.group().contains("\n");
            boolean cjk = m.start() > 0 && PostText.hasCjk(s.substring(m.start() - 1, m.start()));
            String repl = last ? (cjk ? "。\n" : ".\n") : (cjk ? "，" : ", ");
            if (!last && end < s.length() && "，,。.！!？?；;：:)）」”\"'".indexOf(s.charAt(end)) >= 0) {
                repl = "";
            }
            if (m.start() == 0) {
                repl = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(repl));
        }
        m.appendTail(out);
        return out.toString();
    }
}
