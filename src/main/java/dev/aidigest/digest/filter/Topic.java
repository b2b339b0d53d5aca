package dev.aidigest.digest.filter;

import dev.aidigest.digest.WordLists;
import dev.aidigest.text.LatinToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a post is about AI, measured as evidence: each distinct word of the AI/tech vocabulary
 * (English or Chinese) it uses, each product-like name ({@code GPT-5}, {@code FLUX.2},
 * {@code Qwen3-VL}; a word ending in an acronym: {@code NotebookLM}), and a link to a place where
 * AI work is published (Hugging Face, arXiv, GitHub…) counts one.
 *
 * <p>A post with no evidence is off topic. So is everyday chatter that names a product in passing:
 * a short post (under {@value #CHATTER_MAX_WORDS} words) with a word of the chatter list (family,
 * food, weather, sleep, holidays…) is on topic only with two pieces of evidence, where a word of
 * the news list ("launch", "发布", "now available") counts as one. "我说去问豆包" is chatter; "Sora 2 can now make holiday cards" is news.
 */
final class Topic {

    /** The bundled vocabulary, shared with the daily report's word counts. */

    /** Chatter is a line or two; a longer post that names AI once is about it (a prompt that mentions the weather). */
    static final double CHATTER_MAX_WORDS = 20;

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}.\\-]+");

    private static final List<String> AI_HOSTS = List.of(
            "huggingface.co",
            "hf.co",
            "arxiv.org",
            "github.com",
            "openai.com",
            "anthropic.com",
            "deepmind",
            "ai.google",
            "ai.meta.com",
            "modelscope",
            "paperswithcode");

    private final Set<String> words;
    private final List<String> phrases;
    private final List<String> chinese;
    private final TermList chatter;
    private final TermList news;

    Topic(Set<String> terms, TermList chatter, TermList news) {
        Set<String> w = new HashSet<>();
        List<String> p = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (String t : terms) {
            String term = t.toLowerCase(Locale.ROOT).trim();
            if (term.isEmpty()) {
                continue;
            }
            if (term.codePoints().anyMatch(PostFeatures::isHan)) {
                c.add(term);
            } else if (term.contains(" ")) {
                p.add(" " + term + " ");
            } else {
                w.add(term);
            }
        }
        this.words = Set.copyOf(w);
        this.phrases = List.copyOf(p);
        this.chinese = List.copyOf(c);
        this.chatter = chatter;
        this.news = news;
    }

    /** Null when the post is about AI (see the class comment), else what it is instead. */
    String offTopic(PostFeatures post, List<String> links) {
        Set<String> found = found(post, links);
        if (found.isEmpty()) {
            return "no AI subject";
        }
        if (found.size() >= 2 || post.wordCount() >= CHATTER_MAX_WORDS) {
            return null;
        }
        List<String> everyday = chatter.score(post).evidence();
        // a word in both lists ("发布") is one piece of evidence, not two
        if (everyday.isEmpty() || news.score(post).evidence().stream().anyMatch(w -> !found.contains(w))) {
            return null;
        }
        return "everyday chatter (" + String.join(", ", everyday) + ") naming "
                + found.iterator().next();
    }

    /** How many distinct AI words, product-like names and AI links the post has. */
    int evidence(PostFeatures post, List<String> links) {
        return found(post, links).size();
    }

    private Set<String> found(PostFeatures post, List<String> links) {
        Set<String> found = new LinkedHashSet<>();
        List<LatinToken> tokens = post.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            LatinToken t = tokens.get(i);
            String lower = t.text().toLowerCase(Locale.ROOT);
            String term = term(lower);
            if (term != null) {
                found.add(term);
            } else if (productLike(t)) {
                found.add(lower);
            } else if (i + 1 < tokens.size() && versioned(t, tokens.get(i + 1))) {
                found.add(lower + " " + tokens.get(i + 1).text().toLowerCase(Locale.ROOT));
            }
        }
        String lower = post.words().toLowerCase(Locale.ROOT);
        for (String c : chinese) {
            if (lower.contains(c)) {
                found.add(c);
            }
        }
        if (!phrases.isEmpty()) {
            String spaced = " " + NOT_WORD.matcher(lower).replaceAll(" ") + " ";
            for (String p : phrases) {
                if (spaced.contains(p)) {
                    found.add(p.strip());
                }
            }
        }
        if (linksToAiWork(post.text(), links)) {
            found.add("link to AI work");
        }
        return found;
    }

    /** The bundled vocabulary plus {@code filter-terms.txt} from the config directory if present. */
    static Set<String> terms(Path configDir) {
        Set<String> terms = new LinkedHashSet<>(WordLists.load("ai-terms.txt"));
        Path extra = configDir == null ? null : configDir.resolve("filter-terms.txt");
        if (extra != null && Files.isRegularFile(extra)) {
            terms.addAll(WordLists.read(extra));
        }
        return terms;
    }

    /** The vocabulary word {@code word} is, or null; plurals count: models, agents, chips, "gpus" → "gpu". */
    private String term(String word) {
        if (words.contains(word)) {
            return word;
        }
        String singular = word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : null;
        return singular != null && words.contains(singular) ? singular : null;
    }

    /**
     * GPT-5, FLUX.2, Qwen3-VL, o4-mini — but not 10x, 2nd, 4K or Q3; and a word ending in an acronym
     * (NotebookLM, ChatGPT, SmolVLM), the way software is named — but not iPhone, YouTube or LeBron.
     */
    static boolean productLike(LatinToken t) {
        if (t.digits() > 0) {
            return t.letters() >= 2 && Character.isLetter(t.text().charAt(0));
        }
        String s = t.text();
        int n = s.length();
        return t.innerCaps()
                && n >= 4
                && Character.isUpperCase(s.charAt(n - 1))
                && Character.isUpperCase(s.charAt(n - 2));
    }

    private static final Pattern VERSION = Pattern.compile("[vV]\\d+(?:\\.\\d+)*|\\d+\\.\\d+(?:\\.\\d+)*|0\\d");

    /**
     * A name and its version written apart, the way products are released: Seedream 5.0, Hailuo 03,
     * Eleven v4 — a capitalised word, one space, then a version with a dot, a {@code v} or a leading
     * zero; not a count or a date (Game 7, March 15, Top 10), nor a word that is lower-case first (iPhone 18).
     */
    static boolean versioned(LatinToken name, LatinToken next) {
        String s = name.text();
        return name.adjacentToNext()
                && name.digits() == 0
                && name.letters() >= 3
                && Character.isUpperCase(s.charAt(0))
                && VERSION.matcher(next.text()).matches();
    }

    private static boolean linksToAiWork(String text, List<String> links) {
        List<String> all = new ArrayList<>(links);
        all.add(text);
        for (String link : all) {
            String l = link.toLowerCase(Locale.ROOT);
            for (String host : AI_HOSTS) {
                if (l.contains(host)) {
                    return true;
                }
            }
        }
        return false;
    }
}
