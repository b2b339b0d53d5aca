package dev.aidigest.digest.rank;

import dev.aidigest.config.AppConfig.DigestConfig;
import dev.aidigest.config.AppConfig.RankingConfig;
import dev.aidigest.digest.Posts;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Orders stories by importance and picks the digest's items.
 *
 * <pre>
 * score = engagement_weight   × ln((e + K) / (norm + K))   best post, against its author's median
 *       + authors_weight      × log2(distinct authors)
 *       + author_weight_weight × ln(max sources.yml weight of the authors)
 *       + recency_weight      × (newest post − window start) / window length
 * </pre>
 *
 * An X account that is not in {@code sources.yml} weighs {@code unknown_author_weight} (0.7): a
 * stranger's story has to earn its place. With no accounts configured nobody is a stranger.
 *
 * <p>Raw likes would let the famous accounts win every time; against the author's own median, a small
 * account at ten times its usual beats a big one at its usual. An author without history counts as
 * at their usual (ratio 1). K smooths accounts whose median is near zero.
 */
public final class StoryRanker {

    /** Added to engagement and norm, so 3 likes against a median of 0 is not "infinitely unusual". */
    static final double SMOOTHING = 10;

    private final RankingConfig ranking;
    private final DigestConfig digest;
    private final Map<String, Double> authorWeights;

    /** @param authorWeights lower-case handle → weight from {@code sources.yml}; absent means a stranger */
    public StoryRanker(RankingConfig ranking, DigestConfig digest, Map<String, Double> authorWeights) {
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.authorWeights = Map.copyOf(authorWeights);
    }

    /**
     * Every story with its score, best first (ties: more authors, then earlier lead post).
     *
     * @param norms lower-case handle → median engagement, as {@link Posts#authorNorms} returns it
     */
    public List<RankedStory> rank(
            List<Story> stories, Map<String, Double> norms, Instant windowStart, Instant windowEnd) {
        List<RankedStory> out = new ArrayList<>(stories.size());
        for (Story s : stories) {
            out.add(new RankedStory(s, score(s, norms, windowStart, windowEnd), false));
        }
        out.sort(Comparator.comparingDouble(RankedStory::score)
                .reversed()
                .thenComparing(r -> -r.story().authorHandles().size())
                .thenComparing(r -> r.story().lead().post().createdAt()));
        return out;
    }

    /**
     * The items of a digest from a best-first list: up to {@code max_items}; below that only when
     * there are fewer stories, or when stories under {@code min_score} are cut — which stops at
     * {@code min_items}.
     */
    public List<RankedStory> pick(List<RankedStory> ranked) {
        List<RankedStory> picked =
                new ArrayList<>(ranked.subList(0, Math.min(ranked.size(), Math.max(0, digest.maxItems()))));
        while (picked.size() > Math.max(0, digest.minItems())
                && picked.get(picked.size() - 1).score() < ranking.minScore()) {
            picked.remove(picked.size() - 1);
        }
        return picked;
    }

    /**
     * What a story's score is made of: each term of the formula above, already weighted, so that
     * {@link #total()} is the score.
     *
     * @param engagement    engagement weight × ln of the best post against its author's median
     * @param authors       authors weight × log2 of the distinct authors
     * @param accountWeight account weight weight × ln of the highest {@code sources.yml} weight
     * @param recency       recency weight × how late in the window the newest post is (0 … 1)
     */
    public record Parts(double engagement, double authors, double accountWeight, double recency) {
        public double total() {
            return engagement + authors + accountWeight + recency;
        }
    }

    /** The sources.yml weight; a stranger's (an X account not listed) is unknown_author_weight. */
    private double weight(StoredPost sp, String handle) {
        Double w = authorWeights.get(handle);
        if (w != null) {
            return w;
        }
        boolean stranger = !authorWeights.isEmpty() && "x".equals(sp.post().platform());
        return stranger ? ranking.unknownAuthorWeight() : 1.0;
    }

    double score(Story story, Map<String, Double> norms, Instant windowStart, Instant windowEnd) {
        return parts(story, norms, windowStart, windowEnd).total();
    }

    /** The terms of {@code story}'s score, as {@link #rank} adds them up. */
    public Parts parts(Story story, Map<String, Double> norms, Instant windowStart, Instant windowEnd) {
        double best = Double.NEGATIVE_INFINITY;
        double weight = 0;
        Instant newest = story.lead().post().createdAt();
        for (StoredPost sp : story.posts()) {
            String handle = sp.post().authorHandle().toLowerCase(Locale.ROOT);
            double e = sp.post().metrics().engagement();
            double norm = norms.getOrDefault(handle, e);
            best = Math.max(best, Math.log((e + SMOOTHING) / (norm + SMOOTHING)));
            weight = Math.max(weight, weight(sp, handle));
            if (sp.post().createdAt().isAfter(newest)) {
                newest = sp.post().createdAt();
            }
        }
        int authors = story.authorHandles().size();
        double length = Math.max(1, windowEnd.getEpochSecond() - windowStart.getEpochSecond());
        double recency = Math.max(0, Math.min(1, (newest.getEpochSecond() - windowStart.getEpochSecond()) / length));
        return new Parts(
                ranking.engagementWeight() * best,
                ranking.authorsWeight() * (Math.log(authors) / Math.log(2)),
                ranking.authorWeightWeight() * Math.log(weight > 0 ? weight : 1.0),
                ranking.recencyWeight() * recency);
    }
}
