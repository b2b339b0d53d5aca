package dev.aidigest.digest.cluster;

import dev.aidigest.digest.Entities;
import dev.aidigest.text.LatinToken;
import java.util.List;
import java.util.Map;

/**
 * Acronyms a window spells out: a post that writes "Advanced Machine Intelligence" and "AMI" (or
 * "Segment Anything Model" and "SAM") defines AMI, so another post that only writes "AMI（高级机器智能）"
 * names the same thing. Generic acronyms (AI, LLM) are never defined this way.
 */
final class Acronyms {

    private static final int MAX_LETTERS = 6;

    private Acronyms() {}

    /** Adds to {@code aliases} (acronym key → phrase key) what the post of {@code tokens} spells out. */
    static void define(
            List<LatinToken> tokens, Map<String, Entities.Name> names, Entities entities, Map<String, String> aliases) {
        for (Map.Entry<String, Entities.Name> e : names.entrySet()) {
            String key = e.getKey();
            if (e.getValue().kind() != Entities.Kind.ACRONYM
                    || key.length() < 2
                    || key.length() > MAX_LETTERS
                    || entities.isGeneric(key)
                    || aliases.containsKey(key)) {
                continue;
            }
            String phrase = spelledOut(tokens, key);
            if (phrase != null && !entities.isGeneric(phrase)) {
                aliases.put(key, phrase);
            }
        }
    }

    /** The canonical key of adjacent capitalised words whose initials are {@code acronym}, or null. */
    private static String spelledOut(List<LatinToken> tokens, String acronym) {
        int k = acronym.length();
        for (int i = 0; i + k <= tokens.size(); i++) {
            StringBuilder key = new StringBuilder();
            int j = 0;
            for (; j < k; j++) {
                LatinToken t = tokens.get(i + j);
                String s = t.text();
                boolean fits = t.digits() == 0
                        && t.letters() >= 2
                        && Character.isUpperCase(s.charAt(0))
                        && Character.toLowerCase(s.charAt(0)) == acronym.charAt(j)
                        && (j == k - 1 || t.adjacentToNext());
                if (!fits) {
                    break;
                }
                key.append(Entities.canonical(s));
            }
            if (j == k) {
                return key.toString();
            }
        }
        return null;
    }

    /** Gives every post that writes a defined acronym the phrase it stands for, where it writes it. */
    static void apply(Map<String, Entities.Name> names, Map<String, String> aliases) {
        for (Map.Entry<String, Entities.Name> e : List.copyOf(names.entrySet())) {
            String phrase = aliases.get(e.getKey());
            if (phrase != null && e.getValue().kind() == Entities.Kind.ACRONYM) {
                names.putIfAbsent(
                        phrase,
                        new Entities.Name(Entities.Kind.PHRASE, e.getValue().at()));
            }
        }
    }
}
