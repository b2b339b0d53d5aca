package dev.aidigest.search;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import dev.aidigest.text.Aliases;
import dev.aidigest.text.Jieba;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search terms for Chinese and English text alike, from the words of {@link MixedText}. Chinese has
 * no spaces: runs of Han characters are segmented by jieba (index mode for documents, search mode
 * for queries). Latin tokens, of any Latin letter and also joined by {@code +} and {@code /}
 * ({@code c++}, {@code gpt-4o/mini}, {@code café}), are lower-cased and kept whole ({@code flux.2},
 * {@code qwen3-vl}); documents also get their parts split
 * on {@code - . _ /}, and their prefixes, so {@code Qwen3} finds {@code Qwen3-VL} and {@code GPT-5} finds {@code GPT-5.1}, while {@code FLUX.2} only finds {@code FLUX.2}.
 *
 * <p>Names of one entity in any language are one term ({@link #entityTerm}): a document that names
 * Nvidia, as {@code 英伟达}, {@code Nvidia} or inside {@code Nvidia Blackwell}, gets {@code entity:nvidia};
 * a query word that is a whole name ({@code 英伟达}) asks for that term instead of its own, so
 * {@code /topic 英伟达} finds the posts that say Nvidia and the other way round. A query word that
 * only starts with a name ({@code Qwen3}) keeps its own term.
 */
public final class Tokenizer {

    /** Longest term stored (search_term.term is VARCHAR(100)). */
    public static final int MAX_TERM = 100;

    /** The digest's names, plus {@code + /} joining and trailing {@code +}, of any Latin letter. */
    private static final MixedText.Rules TERMS =
            MixedText.Rules.NAMES.withJoiners("+/").withTrailing("+").withAnyLatinLetter();

    private static final Pattern PARTS = Pattern.compile("[._\\-/]");

    /** What every name of an entity is indexed as; no word of a text can produce it (':' is never in a token). */
    public static String entityTerm(String id) {
        return "entity:" + id;
    }

    private final Aliases aliases;

    /** With the bundled names. */
    public Tokenizer() {
        this(Aliases.bundled());
    }

    public Tokenizer(Aliases aliases) {
        this.aliases = aliases;
    }

    public Aliases aliases() {
        return aliases;
    }

    /** Every term a document should be found by. */
    public Set<String> documentTerms(String text) {
        Set<String> out = new LinkedHashSet<>();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (text != null) {
            aliases.findAll(text).forEach(n -> add(out, entityTerm(n.id())));
        }
        for (LatinToken t : MixedText.latin(lower, TERMS)) {
            String token = t.text();
            add(out, token);
            Matcher sep = PARTS.matcher(token);
            while (sep.find()) {
                add(out, token.substring(0, sep.start())); // gpt-5 finds gpt-5.1
            }
            for (String part : PARTS.split(token)) {
                add(out, part);
            }
        }
        for (MixedText.Run h : MixedText.hanRuns(lower)) {
            // jieba loads its dictionary when first asked: only once Chinese text shows up
            for (SegToken t : Jieba.segmenter().process(h.text(), JiebaSegmenter.SegMode.INDEX)) {
                if (t.word.length() >= 2 || h.text().length() == 1) {
                    add(out, t.word);
                }
            }
        }
        return out;
    }

    /** The terms a query requires, all of them; single Han characters are dropped when words remain. */
    public List<String> queryTerms(String query) {
        Set<String> out = new LinkedHashSet<>();
        String lower = withoutNames(query == null ? "" : query, out).toLowerCase(Locale.ROOT);
        for (LatinToken t : MixedText.latin(lower, TERMS)) {
            add(out, t.text());
        }
        for (MixedText.Run h : MixedText.hanRuns(lower)) {
            List<String> words = new ArrayList<>();
            for (SegToken t : Jieba.segmenter().process(h.text(), JiebaSegmenter.SegMode.SEARCH)) {
                words.add(t.word);
            }
            boolean hasWords = words.stream().anyMatch(w -> w.length() >= 2);
            words.stream().filter(w -> !hasWords || w.length() >= 2).forEach(w -> add(out, w));
        }
        return List.copyOf(out);
    }

    /**
     * Adds the entity term of each whole name in the query and returns the query with those names
     * blanked out. A Latin match must cover whole Latin tokens: {@code Qwen} in {@code Qwen3} is not
     * the word the user typed.
     */
    private String withoutNames(String query, Set<String> out) {
        List<Aliases.Match> names = aliases.find(query);
        if (names.isEmpty()) {
            return query;
        }
        StringBuilder rest = new StringBuilder(query);
        for (Aliases.Match n : names) {
            if (Aliases.isWholeWord(query, n)) {
                add(out, entityTerm(n.id()));
                for (int i = n.start(); i < n.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        return rest.toString();
    }

    private static void add(Set<String> out, String term) {
        if (!term.isEmpty() && term.length() <= MAX_TERM) {
            out.add(term);
        }
    }
}
