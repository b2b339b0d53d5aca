package dev.aidigest.digest.cluster;

import dev.aidigest.digest.Entities;
import dev.aidigest.digest.PostWords;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of one window's posts, weighted by rarity within the window: a name in 2 of 5,000 posts
 * ({@code SAM 3}) says a lot about two posts that share it; one in every tenth post ({@code GPT-5}
 * in launch week) says little, and company and umbrella words ({@code OpenAI}, {@code AI}) nothing.
 *
 * <p>What two posts share weighs rarity × the weaker of the two kinds it was written as
 * ({@link Entities.Kind}), where rarity = 1 − ln df / ln max(N, {@value #MIN_WINDOW}).
 *
 * <p>Names are first found where they are written as names (capitals, digits); then every post is
 * searched case-insensitively for the multi-word and versioned names found anywhere in the window,
 * so a lower-case {@code nano banana pro} or {@code opus 4.5} still matches.
 */
public final class EntityIndex {

    /**
     * Rarity is measured as if the window had at least this many posts, so that in a test-sized
     * window of a dozen posts a name in three of them is not common (1 − ln 3 / ln 100 = 0.76).
     */
    static final int MIN_WINDOW = 100;

    /**
     * A post is about the first few things it names; a name mentioned after them ("…, Claude Code,
     * vibe coding and Nano Banana" in a year-end roundup) counts for less.
     */
    public static final int SALIENT_MENTIONS = 3;

    static final double LATE_MENTION = 0.6;

    private final String[] keys;
    private final double[] rarity;
    private final int[][] postIds;
    private final float[][] postFactors;
    private final int[][] leadingIds;
    private final int[][] subjectIds;
    private final String[][] ledWith;
    private final int[][] authorIds;

    private EntityIndex(
            String[] keys,
            double[] rarity,
            int[][] postIds,
            float[][] postFactors,
            int[][] leadingIds,
            int[][] subjectIds,
            String[][] ledWith,
            int[][] authorIds) {
        this.keys = keys;
        this.rarity = rarity;
        this.postIds = postIds;
        this.postFactors = postFactors;
        this.leadingIds = leadingIds;
        this.subjectIds = subjectIds;
        this.ledWith = ledWith;
        this.authorIds = authorIds;
    }

    /**
     * A name that a post does not write but that its author is ({@link Entities#authorEntities}): a
     * post by @sama and one naming Sam Altman share him, weighed like a word inside a sentence.
     */
    static final double AUTHOR = Entities.Kind.WORD.factor;

    static EntityIndex build(List<String> texts, Entities entities) {
        return build(texts, java.util.Collections.nCopies(texts.size(), Set.of()), entities);
    }

    /**
     * @param authors per text, the entities its authors are ({@link Entities#authorEntities}); they
     *                count only against a text that writes them
     */
    static EntityIndex build(List<String> texts, List<Set<String>> authors, Entities entities) {
        List<List<LatinToken>> tokens = new ArrayList<>(texts.size());
        List<Map<String, Entities.Name>> found = new ArrayList<>(texts.size());
        int[] lede = new int[texts.size()];
        Map<String, Entities.Kind> searchable = new HashMap<>();
        Set<String> capitalisedMidSentence = new HashSet<>();
        Map<String, String> acronyms = new HashMap<>();
        for (String text : texts) {
            String clean = PostWords.clean(text);
            List<LatinToken> t = MixedText.latin(clean);
            Map<String, Entities.Name> names = entities.extract(clean, t);
            if (PostWords.isCjk(clean)) {
                // "Kimi 的 PPT…" opens with a name; "Full stop." in an English passage of the same text
                // opens an English sentence: a capital followed by more English is no evidence of a name.
                names.replaceAll((k, name) -> name.kind() == Entities.Kind.WORD
                                || (name.kind() == Entities.Kind.OPENING_WORD
                                        && !t.get(name.at()).adjacentToNext())
                        ? new Entities.Name(Entities.Kind.NAME_IN_CHINESE, name.at())
                        : name);
            }
            lede[tokens.size()] = entities.ledeTokens(clean, names);
            Acronyms.define(t, names, entities, acronyms);
            tokens.add(t);
            found.add(names);
            names.forEach((k, name) -> {
                if (name.kind() == Entities.Kind.PHRASE
                        || (name.kind() == Entities.Kind.PRODUCT && Leads.hasDigit(k))) {
                    searchable.put(k, name.kind());
                }
                if (name.kind() == Entities.Kind.WORD || name.kind() == Entities.Kind.NAME_IN_CHINESE) {
                    capitalisedMidSentence.add(k);
                }
            });
        }
        Set<String> prefixes = WindowPhrases.prefixes(searchable.keySet());
        Map<String, Integer> ids = new HashMap<>();
        List<String> keyList = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        int[][] postIds = new int[texts.size()][];
        float[][] postFactors = new float[texts.size()][];
        int[][] leadingIds = new int[texts.size()][];
        int[][] subjectIds = new int[texts.size()][];
        String[][] ledWith = new String[texts.size()][];
        int[][] authorIds = new int[texts.size()][];
        for (int p = 0; p < texts.size(); p++) {
            Map<String, Entities.Name> names = found.get(p);
            Acronyms.apply(names, acronyms);
            WindowPhrases.addLowerCaseMatches(tokens.get(p), searchable, prefixes, names);
            ledWith[p] = Leads.ledWith(names, lede[p]);
            names.keySet().removeIf(entities::isGeneric);
            int[] mentions = names.values().stream()
                    .mapToInt(Entities.Name::at)
                    .distinct()
                    .sorted()
                    .toArray();
            long[] mine = new long[names.size()];
            int[] leading = new int[names.size()];
            int k = 0;
            int lead = 0;
            Map<Integer, Entities.Kind> leadKinds = new HashMap<>();
            Map<Integer, Integer> leadAt = new HashMap<>();
            for (Map.Entry<String, Entities.Name> e : names.entrySet()) {
                String key = e.getKey();
                Entities.Name name = e.getValue();
                Integer id = ids.get(key);
                if (id == null) {
                    id = keyList.size();
                    ids.put(key, id);
                    keyList.add(key);
                    df.add(0);
                }
                df.set(id, df.get(id) + 1);
                boolean early = Arrays.binarySearch(mentions, name.at()) < SALIENT_MENTIONS && name.at() < lede[p];
                // "Codex now supports…" opens a sentence; another post writing "in Codex" shows it is a name.
                Entities.Kind kind = name.kind() == Entities.Kind.OPENING_WORD && capitalisedMidSentence.contains(key)
                        ? Entities.Kind.WORD
                        : name.kind();
                float factor = (float) (kind.factor * (early ? 1.0 : LATE_MENTION));
                mine[k++] = ((long) id << 32) | (Float.floatToIntBits(factor) & 0xffffffffL);
                if (early) {
                    leading[lead++] = id;
                    leadKinds.put(id, kind);
                    leadAt.put(id, name.at());
                }
            }
            Arrays.sort(mine);
            int[] implicit = new int[authors.get(p).size()];
            int m = 0;
            for (String key : authors.get(p)) {
                if (names.containsKey(key) || entities.isGeneric(key)) {
                    continue;
                }
                Integer id = ids.get(key);
                if (id == null) {
                    id = keyList.size();
                    ids.put(key, id);
                    keyList.add(key);
                    df.add(0);
                }
                df.set(id, df.get(id) + 1);
                implicit[m++] = id;
            }
            authorIds[p] = Arrays.copyOf(implicit, m);
            Arrays.sort(authorIds[p]);
            leadingIds[p] = Arrays.copyOf(leading, lead);
            subjectIds[p] = Leads.subject(leadingIds[p], leadKinds, leadAt, keyList);
            leadKinds.clear();
            leadAt.clear();
            postIds[p] = new int[mine.length];
            postFactors[p] = new float[mine.length];
            for (int i = 0; i < mine.length; i++) {
                postIds[p][i] = (int) (mine[i] >>> 32);
                postFactors[p][i] = Float.intBitsToFloat((int) mine[i]);
            }
        }
        double lnN = Math.log(Math.max(MIN_WINDOW, texts.size()));
        double[] rarity = new double[keyList.size()];
        for (int id = 0; id < rarity.length; id++) {
            rarity[id] = Math.max(0, 1.0 - Math.log(df.get(id)) / lnN);
        }
        return new EntityIndex(
                keyList.toArray(String[]::new),
                rarity,
                postIds,
                postFactors,
                leadingIds,
                subjectIds,
                ledWith,
                authorIds);
    }

    int size() {
        return postIds.length;
    }

    /** The weight of the strongest name two posts share, 0 when they share none. */
    double shared(int a, int b) {
        long best = strongest(a, b);
        return best < 0 ? 0 : Float.intBitsToFloat((int) best);
    }

    /** The key of the strongest name two posts share ({@link #shared}), null when they share none. */
    String sharedKey(int a, int b) {
        long best = strongest(a, b);
        return best < 0 ? null : keys[(int) (best >>> 32)];
    }

    /**
     * The strongest name two posts share, as {@code id << 32 | floatBits(weight)}, −1 when none: a
     * name both write, or one that one writes and the other's author is.
     */
    private long strongest(int a, int b) {
        int[] x = postIds[a];
        int[] y = postIds[b];
        float best = 0;
        int bestId = -1;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                float w = (float) (rarity[x[i]] * Math.min(postFactors[a][i], postFactors[b][j]));
                if (bestId < 0 || w > best) {
                    best = w;
                    bestId = x[i];
                }
                i++;
                j++;
            }
        }
        for (int k = 0; k < 2; k++) {
            int author = k == 0 ? a : b;
            int writer = k == 0 ? b : a;
            for (int id : authorIds[author]) {
                int at = Arrays.binarySearch(postIds[writer], id);
                if (at >= 0) {
                    float w = (float) (rarity[id] * Math.min(AUTHOR, postFactors[writer][at]));
                    if (bestId < 0 || w > best) {
                        best = w;
                        bestId = id;
                    }
                }
            }
        }
        return bestId < 0 ? -1 : ((long) bestId << 32) | (Float.floatToIntBits(best) & 0xffffffffL);
    }

    /**
     * True when each post leads with a specific subject the other never mentions: "Gemini 3 Pro is
     * out" and "Nano Banana Pro is out" are two launches of one lab, whatever their words share.
     */
    boolean subjectsClash(int a, int b) {
        return subjectIds[a].length > 0
                && subjectIds[b].length > 0
                && !mentionsAny(b, subjectIds[a])
                && !mentionsAny(a, subjectIds[b]);
    }

    private boolean mentionsAny(int p, int[] ids) {
        for (int id : ids) {
            if (Arrays.binarySearch(postIds[p], id) >= 0 || Arrays.binarySearch(authorIds[p], id) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Sorted name ids of post {@code p}. */
    int[] ids(int p) {
        return postIds[p];
    }

    /** Sorted ids of the names post {@code p}'s authors are and it does not write. */
    int[] authorIds(int p) {
        return authorIds[p];
    }

    /** Ids of the names post {@code p} mentions among its first {@value #SALIENT_MENTIONS}. */
    int[] leadingIds(int p) {
        return leadingIds[p];
    }

    /** The subject of post {@code p} on its own: see {@link #subject}. */
    int[] subjectIds(int p) {
        return subjectIds[p];
    }

    /** Sorted keys of the names post {@code p} leads with, generic ones included. */
    String[] ledWith(int p) {
        return ledWith[p];
    }

    double rarity(int id) {
        return rarity[id];
    }

    /** The names found in post {@code p}, for logs and tests. */
    List<String> keysOf(int p) {
        List<String> out = new ArrayList<>();
        for (int id : postIds[p]) {
            out.add(keys[id]);
        }
        return out;
    }
}
