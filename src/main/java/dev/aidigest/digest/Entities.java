package dev.aidigest.digest;

import dev.aidigest.text.Aliases;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the product and model names in a post ({@code FLUX.2}, {@code Qwen3-VL}, {@code GPT-5.1},
 * {@code Claude Opus 4.5}, {@code SAM 3}, {@code Nano Banana Pro}), in English and in Chinese text
 * alike, since Chinese posts write them in Latin letters.
 *
 * <p>Each name becomes a canonical key: lower case, without spaces, hyphens and underscores, and
 * without dots except between digits, so {@code FLUX.2}, {@code Flux 2} and {@code flux2} are one
 * key and {@code Opus 4.5} stays {@code opus4.5}. A phrase of several capitalised words also
 * yields each shorter run of two or more, so {@code Claude Opus 4.5} matches a post that only says
 * {@code Opus 4.5}. Names are never split further ({@code Qwen3-VL} does not yield {@code qwen3}):
 * for clustering, {@code Qwen3-VL} and {@code Qwen3-Max} are different things.
 *
 * <p>How much a shared key means is decided per window by {@link EntityIndex}.
 */
public final class Entities {

    /** What kind of token a key came from; decides how much sharing it counts as evidence. */
    public enum Kind {
        /** letters and digits, inner capitals, or joined by {@code -}/{@code .}: FLUX.2, Qwen3-VL, ChatGPT. */
        PRODUCT(1.0),
        /** two or more capitalised words, or a word and a version: Nano Banana Pro, Opus 4.5. */
        PHRASE(1.0),
        /** one capitalised word in Chinese text, where capitals are never sentence-initial: Suno, Kimi. */
        NAME_IN_CHINESE(0.8),
        /** all capitals: SAM, HLE, LLM. */
        ACRONYM(0.6),
        /** one capitalised word inside a sentence: Kimi, Suno, Codex. */
        WORD(0.75),
        /** one capitalised word opening a sentence, where English capitalises anything: "Tried", "Codex". */
        OPENING_WORD(0.5);

        public final double factor;

        Kind(double factor) {
            this.factor = factor;
        }
    }

    private static final int MAX_RUN = 4;

    /** Characters after a number that make it a quantity, not a version. */
    private static final String QUANTITY = "万亿千百年月日号个位款次倍块张家名人%+x×";

    private final Set<String> stopwords;
    private final Set<String> generic;
    private final Aliases aliases;

    /**
     * @param stopwords lower-case English words that are never names even when capitalised
     * @param generic   canonical keys too general to link two posts ({@code ai}, {@code openai})
     */
    public Entities(Set<String> stopwords, Set<String> generic) {
        this(stopwords, generic, Aliases.none());
    }

    /**
     * @param aliases the names one entity has in Chinese and English: a name found in a post becomes
     *                its entity's id ({@code Moonshot} and {@code 月之暗面} are both {@code moonshotai})
     */
    public Entities(Set<String> stopwords, Set<String> generic, Aliases aliases) {
        this.stopwords = Set.copyOf(stopwords);
        this.generic = Set.copyOf(generic);
        this.aliases = aliases;
    }

    /** The default word lists and aliases bundled with the application. */
    public static Entities standard() {
        return standard(Aliases.bundled());
    }

    /** The default word lists with {@code aliases} (as configured). */
    public static Entities standard(Aliases aliases) {
        return new Entities(WordLists.load("stopwords-en.txt"), WordLists.load("generic-entities.txt"), aliases);
    }

    /**
     * A name as written in one post.
     *
     * @param at index of the Latin token where its first mention starts (a phrase's sub-runs share
     *           their phrase's index): how early the post names it
     */
    public record Name(Kind kind, int at) {}

    /** Canonical key → name for the names written in {@code text}, aliases resolved. */
    public Map<String, Name> extract(String text) {
        String clean = PostWords.clean(text);
        return extract(clean, MixedText.latin(clean));
    }

    /**
     * The names of {@code cleanText} ({@link PostWords#clean}), whose Latin tokens are {@code tokens}:
     * those written as names in Latin letters, and every name of {@link Aliases} in any script, each
     * under its entity's id when it has one ({@code 英伟达} and {@code Nvidia} are both {@code nvidia}).
     * A Chinese alias counts as a written name ({@link Kind#PHRASE}) at the Latin token after it.
     */
    public Map<String, Name> extract(String cleanText, List<LatinToken> tokens) {
        Map<String, Name> latin = extract(tokens);
        Map<String, Name> out = new HashMap<>();
        latin.forEach((key, name) -> put(out, aliases.idOf(key).orElse(key), name));
        List<Aliases.Match> matches = aliases.find(cleanText);
        if (!matches.isEmpty()) {
            int[] starts = MixedText.latinStarts(cleanText);
            for (Aliases.Match m : matches) {
                int at = Arrays.binarySearch(starts, m.start());
                at = at >= 0 ? at : -at - 1;
                if (PostWords.isCjk(cleanText.substring(m.start(), m.end()))) {
                    put(out, m.id(), new Name(Kind.PHRASE, at));
                }
                String version = versionAfter(cleanText, m.end());
                if (version != null) {
                    put(out, m.id() + version, new Name(Kind.PHRASE, at));
                }
            }
        }
        return out;
    }

    /**
     * The version number that follows a name at {@code end} ("深度求索 V3.2", "腾讯混元 2.0",
     * "DeepSeek-V3.2", "Qwen3"), without its {@code v}; null when none follows or the number goes on
     * into another name ("Qwen3-VL", "V3.2-Speciale", "3B", "2025 年"). The name with its version is
     * one key in every language: {@code deepseek3.2}, {@code hunyuan2.0}.
     */
    static String versionAfter(String text, int end) {
        int i = end;
        int n = text.length();
        if (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        if (i < n && (text.charAt(i) == 'v' || text.charAt(i) == 'V')) {
            i++;
        }
        int from = i;
        while (i < n
                && (Character.isDigit(text.charAt(i))
                        || text.charAt(i) == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)) && i > from)) {
            i++;
        }
        String version = text.substring(from, i);
        int dot = version.indexOf('.');
        if (version.isEmpty() || (dot < 0 ? version.length() : dot) > 2) {
            return null; // "DeepSeek 100 万", "NeurIPS 2025": a count or a year, not a version
        }
        if (i < n) {
            char c = text.charAt(i);
            boolean joined = (c == '-' || c == '_' || c == '.' || c == '/')
                    && i + 1 < n
                    && Character.isLetterOrDigit(text.charAt(i + 1));
            if (joined || c < 0x2E80 && Character.isLetterOrDigit(c)) {
                return null;
            }
            int next = c == ' ' && i + 1 < n ? i + 1 : i;
            if (QUANTITY.indexOf(text.charAt(next)) >= 0) {
                return null; // "Kimi 3 个"、"Qwen 2 倍": a quantity
            }
        }
        return version;
    }

    /**
     * The entities an author's display name names, with their organisations: a post by "Sam Altman"
     * is his word, one by "Tencent HY" Hunyuan's and Tencent's. Only names of {@link Aliases}: a
     * display name's other words ("Orange AI", "merve") are no names.
     */
    public Set<String> authorEntities(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return Set.of();
        }
        Set<String> out = new java.util.TreeSet<>();
        for (Aliases.Match m : aliases.find(displayName)) {
            if (!generic.contains(m.id())) {
                out.add(m.id());
            }
            aliases.orgOf(m.id()).filter(org -> !generic.contains(org)).ifPresent(out::add);
        }
        return out;
    }

    Map<String, Name> extract(List<LatinToken> tokens) {
        Map<String, Name> out = new HashMap<>();
        boolean[] inPhrase = phrases(tokens, out);
        for (int i = 0; i < tokens.size(); i++) {
            Kind k = single(tokens.get(i));
            // "Black Forest Labs" is one name; "Black", "Forest" and "Labs" on their own are noise.
            boolean partOfName = inPhrase[i] && (k == Kind.WORD || k == Kind.OPENING_WORD || k == Kind.ACRONYM);
            // ...but a company inside a phrase is still written: "New Anthropic research" names Anthropic
            // (generic keys never link posts on their own; they only tell what a post leads with).
            boolean company = partOfName
                    && k != Kind.OPENING_WORD
                    && generic.contains(canonical(tokens.get(i).text()));
            if (k != null && (!partOfName || company)) {
                put(out, canonical(tokens.get(i).text()), new Name(k, i));
            }
        }
        return out;
    }

    /**
     * How many Latin tokens of {@code cleanText} come before the end of its lede: the first line that
     * names something (a sentence-opening word alone does not count; {@code names} as extracted from
     * the whole text). Names after it are details:
     * "ChatGPT 上线了购物研究功能…" names GPT-5 only in its second paragraph ("背后是… GPT-5 mini"), which
     * does not make it a GPT-5 story. One-line texts are all lede.
     */
    public int ledeTokens(String cleanText, Map<String, Name> names) {
        if (cleanText.indexOf('\n') < 0) {
            return Integer.MAX_VALUE;
        }
        int first = Integer.MAX_VALUE;
        for (Name name : names.values()) {
            if (name.kind() != Kind.OPENING_WORD) {
                first = Math.min(first, name.at());
            }
        }
        // Tokens never span a line break, so counting them line by line finds the lede's last one.
        int before = 0;
        for (String line : cleanText.split("\n")) {
            before += MixedText.latin(line).size();
            if (before > first) {
                return before;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The names of one entity in Chinese and English that this reads posts with. */
    public Aliases aliases() {
        return aliases;
    }

    /** The lower-case English words that are never names and say nothing about a subject. */
    public Set<String> stopwords() {
        return stopwords;
    }

    /** True for keys that never count as evidence that two posts tell one story. */
    public boolean isGeneric(String key) {
        return generic.contains(key);
    }

    private Kind single(LatinToken t) {
        String s = t.text();
        if (!Character.isLetter(s.charAt(0)) || stopwords.contains(s.toLowerCase(Locale.ROOT))) {
            return null;
        }
        int letters = t.letters();
        if (t.digits() > 0) {
            return letters >= 2 ? Kind.PRODUCT : null;
        }
        if (describesGeneric(s)) {
            return null;
        }
        if (t.innerCaps() || (t.joined() && t.uppers() > 0)) {
            return Kind.PRODUCT;
        }
        if (letters >= 2 && t.uppers() == letters) {
            return Kind.ACRONYM;
        }
        if (!Character.isUpperCase(s.charAt(0)) || letters < 2) {
            return null;
        }
        return t.opensSentence() ? Kind.OPENING_WORD : Kind.WORD;
    }

    /**
     * A generic word joined to a lower-case one ({@code AI-driven}, {@code GPU-rich},
     * {@code LLM-based}) describes something rather than naming it: Peter Diamandis' "AI-driven
     * research" and "AI-driven job loss" are two stories. ({@code Studio-quality} stays a name: rare
     * words are evidence however they are joined.)
     */
    private boolean describesGeneric(String token) {
        int dash = token.indexOf('-');
        if (dash <= 0 || dash == token.length() - 1 || !generic.contains(canonical(token.substring(0, dash)))) {
            return false;
        }
        for (int i = dash + 1; i < token.length(); i++) {
            if (!Character.isLowerCase(token.charAt(i)) && token.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Emits runs of adjacent name-like tokens (one space apart) and their sub-runs of two or more;
     * returns which tokens belong to such a run.
     */
    private boolean[] phrases(List<LatinToken> tokens, Map<String, Name> out) {
        boolean[] inPhrase = new boolean[tokens.size()];
        int runStart = -1;
        for (int i = 0; i <= tokens.size(); i++) {
            LatinToken t = i < tokens.size() ? tokens.get(i) : null;
            boolean continues = t != null && runStart >= 0 && tokens.get(i - 1).adjacentToNext() && fitsRun(t, false);
            if (!continues) {
                if (runStart >= 0 && i - runStart >= 2) {
                    emitRun(tokens.subList(runStart, i), runStart, out);
                    Arrays.fill(inPhrase, runStart, i, true);
                }
                runStart = t != null && fitsRun(t, true) ? i : -1;
            }
        }
        return inPhrase;
    }

    private boolean fitsRun(LatinToken t, boolean first) {
        String s = t.text();
        if (stopwords.contains(s.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (Character.isDigit(s.charAt(0))) {
            return !first && t.letters() <= 1; // a version (3, 4.5, 3D) after a name, not "256K context"
        }
        return Character.isUpperCase(s.charAt(0)) || t.uppers() > 0 || t.digits() > 0;
    }

    private void emitRun(List<LatinToken> run, int at, Map<String, Name> out) {
        int n = Math.min(run.size(), 2 * MAX_RUN);
        for (int from = 0; from < n; from++) {
            if (Character.isDigit(run.get(from).text().charAt(0))) {
                continue;
            }
            StringBuilder key = new StringBuilder(canonical(run.get(from).text()));
            for (int to = from + 1; to < Math.min(n, from + MAX_RUN); to++) {
                key.append(canonical(run.get(to).text()));
                put(out, key.toString(), new Name(Kind.PHRASE, at));
            }
        }
    }

    /** Keeps the earliest mention of a key; at one place, the kind that counts for more. */
    private static void put(Map<String, Name> out, String key, Name name) {
        if (key.length() >= 2) {
            out.merge(
                    key,
                    name,
                    (a, b) -> a.at() != b.at()
                            ? (a.at() < b.at() ? a : b)
                            : (a.kind().factor >= b.kind().factor ? a : b));
        }
    }

    /** Lower case; drops spaces, hyphens, underscores, and dots that are not between two digits. */
    public static String canonical(String name) {
        return Aliases.canonical(name);
    }
}
