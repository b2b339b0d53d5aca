package dev.aidigest.digest.cluster;

import dev.aidigest.digest.Entities;
import dev.aidigest.text.LatinToken;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The multi-word and versioned names a window writes as names ({@code Nano Banana Pro},
 * {@code Opus 4.5}), found again in the posts that write them in another case ({@code nano banana
 * pro}, {@code opus 4.5}), so a post's casing does not hide what it names.
 */
final class WindowPhrases {

    private WindowPhrases() {}

    /** Adds the window's phrases and versioned names that this post writes in another case. */
    static void addLowerCaseMatches(
            List<LatinToken> tokens,
            Map<String, Entities.Kind> searchable,
            Set<String> prefixes,
            Map<String, Entities.Name> names) {
        String[] canonical = new String[tokens.size()];
        for (int i = 0; i < canonical.length; i++) {
            canonical[i] = Entities.canonical(tokens.get(i).text());
        }
        for (int from = 0; from < tokens.size(); from++) {
            String key = "";
            for (int to = from; to < Math.min(tokens.size(), from + 4); to++) {
                key = key + canonical[to];
                if (!prefixes.contains(key)) {
                    break;
                }
                Entities.Kind kind = searchable.get(key);
                if (kind != null) {
                    names.putIfAbsent(key, new Entities.Name(kind, from));
                }
                if (!tokens.get(to).adjacentToNext()) {
                    break;
                }
            }
        }
    }

    /** Every prefix of every key, so the search above stops as soon as no key can match. */
    static Set<String> prefixes(Set<String> keys) {
        Set<String> out = new HashSet<>();
        for (String k : keys) {
            for (int i = 1; i <= k.length(); i++) {
                out.add(k.substring(0, i));
            }
        }
        return out;
    }
}
