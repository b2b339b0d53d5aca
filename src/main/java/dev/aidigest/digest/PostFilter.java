package dev.aidigest.digest;

import dev.aidigest.ingest.Post;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Leaves out what a digest reader should never see, before anything costs time or tokens: bare
 * retweets (the original is in the window if its author is followed), replies to other people
 * (meaningless without the post they answer; a reply to oneself is a thread and stays), and short
 * or off-topic chatter ("good morning", food, sports, politics without AI). Quote posts stay, with
 * their own text.
 *
 * <p>On topic means: a word from the AI/tech vocabulary (English or Chinese), a product-like name
 * (letters and digits: {@code GPT-5}, {@code FLUX.2}, {@code Qwen3-VL}; a word ending in an
 * acronym: {@code NotebookLM}), or a link to a place
 * where AI work is published (Hugging Face, arXiv, GitHub…).
 */
public final class PostFilter {

    /** Why a post was left out. */
    public enum Reason {
        RETWEET,
        REPLY_TO_OTHER,
        TOO_SHORT,
        OFF_TOPIC
    }

    /**
     * The posts kept, in their order, and how many were left out for each reason.
     *
     * @param dropped counts per reason (every reason present, zero or more)
     */
    public record Result(List<StoredPost> kept, Map<Reason, Integer> dropped) {
        public Result {
            kept = List.copyOf(kept);
            dropped = Collections.unmodifiableMap(new EnumMap<>(dropped));
        }

        public int droppedTotal() {
            return dropped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Fewer words than this (a Chinese character counts half a word) is too short to report. */
    static final double MIN_WORDS = 3;

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

    /** @param terms the on-topic vocabulary, as described in {@code ai-terms.txt} */
    public PostFilter(Set<String> terms) {
        Set<String> w = new HashSet<>();
        List<String> p = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (String t : terms) {
            String term = t.toLowerCase(Locale.ROOT).trim();
            if (term.isEmpty()) {
                continue;
            }
            if (term.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
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
    }

    /** The bundled vocabulary, plus {@code filter-terms.txt} from the config directory if present. */
    public static PostFilter fromConfigDir(Path configDir) {
        Set<String> terms = new HashSet<>(WordLists.load("ai-terms.txt"));
        Path extra = configDir == null ? null : configDir.resolve("filter-terms.txt");
        if (extra != null && Files.isRegularFile(extra)) {
            terms.addAll(WordLists.read(extra));
        }
        return new PostFilter(terms);
    }

    /** Keeps the posts worth reading; counts the others by reason. */
    public Result apply(List<StoredPost> posts) {
        List<StoredPost> kept = new ArrayList<>(posts.size());
        Map<Reason, Integer> dropped = new EnumMap<>(Reason.class);
        for (Reason r : Reason.values()) {
            dropped.put(r, 0);
        }
        for (StoredPost sp : posts) {
            Reason r = reasonToDrop(sp.post());
            if (r == null) {
                kept.add(sp);
            } else {
                dropped.merge(r, 1, Integer::sum);
            }
        }
        return new Result(kept, dropped);
    }

    /** Why {@code post} should be left out, or null to keep it. */
    public Reason reasonToDrop(Post post) {
        if (post.isRetweet()) {
            return Reason.RETWEET;
        }
        if (post.isReplyToOther()) {
            return Reason.REPLY_TO_OTHER;
        }
        String text = PostWords.clean(post.text());
        List<LatinToken> tokens = LatinToken.scan(text);
        int han = (int) text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
        if (tokens.size() + han / 2.0 < MIN_WORDS) {
            return Reason.TOO_SHORT;
        }
        return onTopic(post, text, tokens) ? null : Reason.OFF_TOPIC;
    }

    private boolean onTopic(Post post, String text, List<LatinToken> tokens) {
        for (LatinToken t : tokens) {
            if (productLike(t) || isTerm(t.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String c : chinese) {
            if (lower.contains(c)) {
                return true;
            }
        }
        if (!phrases.isEmpty()) {
            String spaced = " " + NOT_WORD.matcher(lower).replaceAll(" ") + " ";
            for (String p : phrases) {
                if (spaced.contains(p)) {
                    return true;
                }
            }
        }
        return linksToAiWork(post);
    }

    private boolean isTerm(String word) {
        if (words.contains(word)) {
            return true;
        }
        // plurals: models, agents, chips; "gpus" → "gpu"
        return word.length() > 3 && word.endsWith("s") && words.contains(word.substring(0, word.length() - 1));
    }

    /**
     * GPT-5, FLUX.2, Qwen3-VL, o4-mini — but not 10x, 2nd, 4K or Q3; and a word ending in an acronym
     * (NotebookLM, ChatGPT, SmolVLM), the way software is named — but not iPhone, YouTube or LeBron.
     */
    private static boolean productLike(LatinToken t) {
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

    private static boolean linksToAiWork(Post post) {
        List<String> all = new ArrayList<>(post.links());
        all.add(post.text());
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
