package dev.aidigest.digest.rank;

import dev.aidigest.digest.Centring;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.PostWords;
import dev.aidigest.digest.StoredPost;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a story is about, compact enough to compare with the items of earlier digests: its posts,
 * authors, names, subject (the specific names more than half its posts lead with; a comparison
 * one post draws with FLUX.2 does not make FLUX.2 the story's subject) and mean embedding.
 */
record StoryProfile(
        Set<Long> postIds, Set<String> authors, Set<String> names, Set<String> subject, float[] centroid, boolean cjk) {

    /** How many of a post's first mentions count as what it leads with (as the clustering counts them). */
    static final int LEADING_MENTIONS = 3;

    /** Name kinds specific enough to be news: not acronyms (API, LLM) nor sentence-opening words. */
    static final Set<Entities.Kind> NEWS_KINDS =
            EnumSet.of(Entities.Kind.PRODUCT, Entities.Kind.PHRASE, Entities.Kind.NAME_IN_CHINESE, Entities.Kind.WORD);

    static StoryProfile idsOnly(List<Long> ids) {
        return new StoryProfile(new HashSet<>(ids), Set.of(), Set.of(), Set.of(), null, false);
    }

    static String handle(StoredPost p) {
        return p.post().authorHandle().toLowerCase(Locale.ROOT);
    }

    /** Centred similarity of the two stories' mean embeddings; NaN when either has none. */
    double similarity(StoryProfile other, Centring centring) {
        if (centroid == null || other.centroid == null || centroid.length != other.centroid.length) {
            return Double.NaN;
        }
        float[] a = centring.centre(centroid, cjk);
        float[] b = centring.centre(other.centroid, other.cjk);
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
        }
        return dot;
    }

    /** True when both lead with one of {@code distinctive}'s names. */
    boolean sharesSubject(StoryProfile other, Set<String> distinctive) {
        for (String s : subject) {
            if (other.subject.contains(s) && distinctive.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** A single post's vector, or the normalised mean of the posts' vectors; null when none has one. */
    static float[] centroid(List<StoredPost> posts) {
        if (posts.size() == 1) {
            float[] v = posts.get(0).embedding();
            return v == null ? null : v.clone();
        }
        float[] sum = null;
        for (StoredPost p : posts) {
            float[] v = p.embedding();
            if (v != null && sum == null) {
                sum = new float[v.length];
            }
            if (v != null && v.length == sum.length) {
                for (int d = 0; d < v.length; d++) {
                    sum[d] += v[d];
                }
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = 0;
        for (float f : sum) {
            norm += (double) f * f;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    /** Builds profiles with one name extractor. */
    static final class Factory {
        private final Entities entities;

        Factory(Entities entities) {
            this.entities = entities;
        }

        StoryProfile of(List<StoredPost> posts) {
            Set<Long> ids = new HashSet<>();
            Set<String> authors = new HashSet<>();
            Set<String> names = new HashSet<>();
            Map<String, Integer> leading = new HashMap<>();
            StringBuilder text = new StringBuilder();
            for (StoredPost p : posts) {
                ids.add(p.id());
                authors.add(handle(p));
                names.addAll(namesOf(p));
                leadingNamesOf(p).forEach(n -> leading.merge(n, 1, Integer::sum));
                text.append(p.post().text()).append('\n');
            }
            Set<String> subject = new HashSet<>();
            leading.forEach((n, c) -> {
                if (posts.size() == 1 || 2 * c > posts.size()) {
                    subject.add(n);
                }
            });
            return new StoryProfile(ids, authors, names, subject, centroid(posts), PostWords.isCjk(text.toString()));
        }

        /** The names of one post that may count as news: products, phrases, capitalised names; no companies. */
        Set<String> namesOf(StoredPost p) {
            Set<String> out = new HashSet<>();
            entities.extract(p.post().text()).forEach((key, name) -> {
                if (NEWS_KINDS.contains(name.kind()) && !entities.isGeneric(key)) {
                    out.add(key);
                }
            });
            return out;
        }

        /**
         * The specific names a post leads with: products and phrases ({@code FLUX.2}, {@code Ilya
         * Sutskever}) among its first {@value #LEADING_MENTIONS} mentions. A single word
         * ({@code Replit}) is not specific enough to say two posts a day apart tell one story.
         */
        Set<String> leadingNamesOf(StoredPost p) {
            Map<String, Entities.Name> all = entities.extract(p.post().text());
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
            return out;
        }
    }
}
