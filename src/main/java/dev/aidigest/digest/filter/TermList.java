package dev.aidigest.digest.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A word list whose entries are signals of one kind of noise, each strong or weak. The format, the
 * same in the bundled lists and in {@code config/noise-terms.txt}:
 *
 * <pre>
 * # a comment: "#" then a space, or "#" alone (so "#ad" is an entry: the hashtag)
 * airdrop            strong: one is enough (2 points); also matches "airdrops"
 * ~ wallet           weak (1 point)
 * rt+follow          spaces around "+" are ignored, in the entry and in the post
 * 空投               an entry with Chinese characters matches anywhere in the text
 * /\b0x[0-9a-f]{40}\b/     a Java regular expression, case ignored ("(?-i)" turns that off)
 * ~/\$[a-z]{2,10}\b/       a weak one
 * !wallet            (config only) takes a bundled entry out
 * </pre>
 *
 * Latin entries match whole words, case ignored; a regular expression sees the text with its case.
 * An entry found only inside quotation marks ({@code "…"}, {@code “…”}, {@code 「…」}, a
 * {@code `code span`}) counts nothing when the post says {@value #REPORTING_WORDS} words or more
 * outside its quotations: such a post reports what it quotes (‘a README told Copilot to “ignore
 * previous instructions”’). A post that is all quotation still counts, so quoting is no way to
 * hide an airdrop.
 */
final class TermList {

    /** Points of a strong entry; a post reaching this is that kind of noise whoever wrote it. */
    static final int STRONG = 2;

    static final int WEAK = 1;

    /**
     * What a post scored against the list.
     *
     * @param strong   the points of the strong entries among {@code points}
     * @param evidence the entries that matched, strong ones first, as written in the list
     */
    record Hit(int points, int strong, List<String> evidence) {
        static final Hit NONE = new Hit(0, 0, List.of());
    }

    private record Entry(String source, Pattern pattern, boolean regex, int points) {}

    private final Map<String, Entry> entries;

    private TermList(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** A list bundled next to this class ({@code src/main/resources/dev/aidigest/digest/filter/}). */
    static TermList bundled(String name) {
        try (InputStream in = TermList.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list missing: " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return of(text.lines().toList(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list of {@code lines}; {@code origin} names them in errors. */
    static TermList of(List<String> lines, String origin) {
        return new TermList(new LinkedHashMap<>()).plus(lines, origin);
    }

    /** This list with {@code lines} added (and {@code !entry} lines taken out); {@code origin} names them in errors. */
    TermList plus(List<String> lines, String origin) {
        Map<String, Entry> out = new LinkedHashMap<>(entries);
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) {
                continue;
            }
            if (line.startsWith("!")) {
                out.remove(key(line.substring(1).strip()));
                continue;
            }
            int points = STRONG;
            if (line.startsWith("~")) {
                points = WEAK;
                line = line.substring(1).strip();
                if (line.startsWith("~")) {
                    throw new IllegalArgumentException(origin + ":" + number + ": one '~' marks a weak entry: " + raw);
                }
            }
            Entry e = entry(line, points, origin + ":" + number);
            if (e != null) {
                out.put(key(line), e);
            }
        }
        return new TermList(out);
    }

    /** The points {@code post} scores: each entry that matches counts once. */
    Hit score(PostFeatures post) {
        int points = 0;
        List<String> strong = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        Boolean reports = null;
        for (Entry e : entries.values()) {
            String text = e.regex ? post.plain() : post.match();
            // a literal entry can only match where its text occurs: indexOf is far cheaper than the
            // word-boundary pattern, and most entries occur in no post
            if (!e.regex && text.indexOf(e.source) < 0) {
                continue;
            }
            Matcher m = e.pattern.matcher(text);
            if (!m.find()) {
                continue;
            }
            boolean[] quoted = quoted(text);
            boolean outside = !quoted[m.start()];
            while (!outside && m.find()) {
                outside = !quoted[m.start()];
            }
            if (!outside) {
                reports = reports == null ? reports(post.match()) : reports;
                if (reports) {
                    continue;
                }
            }
            points += e.points;
            (e.points >= STRONG ? strong : weak).add(e.source);
        }
        if (points == 0) {
            return Hit.NONE;
        }
        int strongPoints = strong.size() * STRONG;
        strong.addAll(weak);
        return new Hit(points, strongPoints, List.copyOf(strong));
    }

    /** Words a post needs outside its quotations to be reporting what it quotes. */
    static final double REPORTING_WORDS = 8;

    /** True when the text outside quotation marks has {@link #REPORTING_WORDS} words (a Chinese character counts half). */
    private static boolean reports(String text) {
        boolean[] quoted = quoted(text);
        double words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean latin = !quoted[i] && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
            if (latin && !inWord) {
                words++;
            }
            inWord = latin;
            if (!quoted[i] && PostFeatures.isHan(c)) {
                words += 0.5;
            }
        }
        return words >= REPORTING_WORDS;
    }

    /** Which characters of {@code text} are between a pair of quotation marks. */
    private static boolean[] quoted(String text) {
        boolean[] in = new boolean[text.length() + 1];
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open != 0 && c == close(open)) {
                open = 0;
            } else if (open == 0 && close(c) != 0) {
                open = c;
            } else {
                in[i] = open != 0;
            }
        }
        // an opening mark never closed quotes nothing
        if (open != 0) {
            int i = text.length() - 1;
            while (i >= 0 && text.charAt(i) != open) {
                in[i--] = false;
            }
        }
        return in;
    }

    private static char close(char open) {
        return switch (open) {
            case '"' -> '"';
            case '`' -> '`';
            case '\u201c' -> '\u201d';
            case '\u300c' -> '\u300d';
            case '\u300e' -> '\u300f';
            case '\u00ab' -> '\u00bb';
            default -> 0;
        };
    }

    int size() {
        return entries.size();
    }

    private static String key(String line) {
        String l = line.startsWith("~") ? line.substring(1).strip() : line;
        return l.startsWith("/") ? l : normalise(l);
    }

    private static Entry entry(String line, int points, String where) {
        if (line.startsWith("/")) {
            int end = line.lastIndexOf('/');
            if (end <= 0) {
                throw new IllegalArgumentException(where + ": a regular expression needs a closing '/': " + line);
            }
            String regex = line.substring(1, end);
            try {
                return new Entry(
                        line.substring(0, end + 1),
                        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        true,
                        points);
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getDescription() + ": " + line, ex);
            }
        }
        int comment = line.indexOf(" # ");
        String term = normalise(comment >= 0 ? line.substring(0, comment) : line);
        if (term.isEmpty()) {
            return null;
        }
        return new Entry(term, literal(term), false, points);
    }

    /** Whole words for Latin ends (a plural "s" allowed), anywhere for Chinese and symbols. */
    private static Pattern literal(String term) {
        StringBuilder p = new StringBuilder();
        if (isAlnum(term.charAt(0))) {
            p.append("(?<![a-z0-9])");
        }
        p.append(Pattern.quote(term));
        char last = term.charAt(term.length() - 1);
        if (isAlnum(last)) {
            p.append(Character.isLetter(last) ? "(?:e?s)?" : "").append("(?![a-z0-9])");
        }
        return Pattern.compile(p.toString());
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replaceAll(" ?\\+ ?", "+")
                .strip();
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
