package dev.aidigest.digest.cluster;

import dev.aidigest.digest.Entities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one post leads with and what it is about, read from its names as {@link EntityIndex} finds them. */
final class Leads {

    private Leads() {}

    /**
     * A post that leads with this many different versioned models at least is a comparison ("Claude
     * Opus 4.5 beats GPT-5.1 and Gemini 3 Pro"): its subject is the first of them.
     */
    static final int LIST_NAMES = 3;

    /**
     * What a single post is about: the specific names it leads with (not a sentence-opening word); of
     * a comparison of {@value #LIST_NAMES} or more versioned models, only the first. A post that merely
     * lists Gemini 3 Pro after Claude Opus 4.5 is not a Gemini 3 Pro story.
     */
    static int[] subject(
            int[] leading, Map<Integer, Entities.Kind> kinds, Map<Integer, Integer> at, List<String> keys) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> productPositions = new HashSet<>();
        int first = Integer.MAX_VALUE;
        for (int id : leading) {
            Entities.Kind kind = kinds.get(id);
            if (kind.factor < Entities.Kind.WORD.factor) {
                continue;
            }
            out.add(id);
            if ((kind == Entities.Kind.PRODUCT || kind == Entities.Kind.PHRASE) && hasDigit(keys.get(id))) {
                productPositions.add(at.get(id));
                first = Math.min(first, at.get(id));
            }
        }
        if (productPositions.size() >= LIST_NAMES) {
            int firstAt = first;
            out.removeIf(id -> at.get(id) != firstAt);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The names, company and product words included ({@code ChatGPT}, {@code OpenAI}), that a post
     * leads with: among its first {@value EntityIndex#SALIENT_MENTIONS} and in its lede; acronyms and
     * sentence-opening words left out. Sorted.
     */
    static String[] ledWith(Map<String, Entities.Name> names, int lede) {
        int[] mentions = names.values().stream()
                .mapToInt(Entities.Name::at)
                .distinct()
                .sorted()
                .toArray();
        List<String> out = new ArrayList<>();
        names.forEach((key, name) -> {
            Entities.Kind k = name.kind();
            boolean named = k == Entities.Kind.PRODUCT
                    || k == Entities.Kind.PHRASE
                    || k == Entities.Kind.WORD
                    || k == Entities.Kind.NAME_IN_CHINESE;
            if (named && name.at() < lede && Arrays.binarySearch(mentions, name.at()) < EntityIndex.SALIENT_MENTIONS) {
                out.add(key);
            }
        });
        String[] sorted = out.toArray(String[]::new);
        Arrays.sort(sorted);
        return sorted;
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
