package dev.aidigest.digest.rank;

import dev.aidigest.digest.Entities;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the repeat guard compares: those of {@link Entities} specific enough to be news
 * (products, versions, phrases, capitalised names; not acronyms such as API, not generic words such
 * as OpenAI), plus chip and model numbers of one capital and digits ({@code H200}, {@code A100}),
 * which the clustering leaves out as too short but which are exactly what a follow-up on chips
 * names.
 */
final class Names {

    /** How many of a post's first mentions count as what it leads with (as the clustering counts them). */
    static final int LEADING_MENTIONS = 3;

    private static final Set<Entities.Kind> NEWS_KINDS =
            EnumSet.of(Entities.Kind.PRODUCT, Entities.Kind.PHRASE, Entities.Kind.NAME_IN_CHINESE, Entities.Kind.WORD);
    private static final Pattern MODEL_NUMBER =
            Pattern.compile("(?<![\\p{L}\\p{N}])([A-Z]\\d{2,4})s?(?![\\p{L}\\p{N}])");
    /** A name's words as they are written: {@code Claude Opus 4.5}, {@code C++}, {@code O'Reilly}. */
    private static final MixedText.Rules WORDS =
            MixedText.Rules.NAMES.withJoiners("+'").withTrailing("+");

    private static final int MAX_WORDS = 4;
    private static final Pattern FIRST_SENTENCE_END = Pattern.compile("[。！？!?\\n]|\\.(?=\\s|$)");

    private final Entities entities;

    Names(Entities entities) {
        this.entities = entities;
    }

    /** Canonical keys of the names of one post. */
    Set<String> of(StoredPost p) {
        String text = p.post().text();
        Set<String> out = new HashSet<>();
        entities.extract(text).forEach((key, name) -> {
            if (NEWS_KINDS.contains(name.kind())) {
                out.add(key);
            }
        });
        out.addAll(modelNumbers(text));
        return out;
    }

    /**
     * The specific names a post leads with: products and phrases ({@code FLUX.2}, {@code Ilya
     * Sutskever}) among its first {@value #LEADING_MENTIONS} mentions, and model numbers of its first
     * sentence. A single word ({@code Replit}) is not specific enough to say two posts a day apart
     * tell one story.
     */
    Set<String> leading(StoredPost p) {
        String text = p.post().text();
        Map<String, Entities.Name> all = entities.extract(text);
        all.keySet().removeIf(entities::isGeneric);
        int[] mentions = all.values().stream()
                .mapToInt(Entities.Name::at)
                .distinct()
                .sorted()
                .toArray();
        Set<String> out = new HashSet<>();
        all.forEach((key, name) -> {
            boolean specific = name.kind() == Entities.Kind.PRODUCT || name.kind() == Entities.Kind.PHRASE;
            if (specific && Arrays.binarySearch(mentions, name.at()) < LEADING_MENTIONS) {
                out.add(key);
            }
        });
        Matcher end = FIRST_SENTENCE_END.matcher(text);
        out.addAll(modelNumbers(end.find() ? text.substring(0, end.start()) : text));
        return out;
    }

    /** The words {@code text} writes the name {@code key} with ({@code GLM-4.6V-Flash}), or the key. */
    static String surface(String text, String key) {
        List<int[]> tokens = new ArrayList<>();
        for (LatinToken t : MixedText.latin(text, WORDS)) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = i; j < Math.min(tokens.size(), i + MAX_WORDS); j++) {
                if (j > i && tokens.get(j)[0] - tokens.get(j - 1)[1] != 1) {
                    break; // a name's words are one space apart
                }
                String part = text.substring(tokens.get(i)[0], tokens.get(j)[1]);
                if (Entities.canonical(part).equals(key)) {
                    return part;
                }
            }
        }
        return key;
    }

    private static Set<String> modelNumbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = MODEL_NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
