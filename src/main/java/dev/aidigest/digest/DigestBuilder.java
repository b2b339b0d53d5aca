package dev.aidigest.digest;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.Centring;
import dev.aidigest.digest.cluster.Clustering;
import dev.aidigest.digest.cluster.StoryClusterer;
import dev.aidigest.digest.cluster.StoryModel;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.RankedStory;
import dev.aidigest.digest.rank.RepeatGuard;
import dev.aidigest.digest.rank.StoryRanker;
import dev.aidigest.digest.review.DisabledMergeReview;
import dev.aidigest.digest.review.MergeReview;
import dev.aidigest.digest.review.Reviewed;
import dev.aidigest.text.Aliases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the digest of a slot's 4-hour window: filter → cluster → rank → review → no repeat →
 * summarize. The LLM (behind {@link Summarizer}) sees only the stories that made the cut; with an
 * LLM, the {@link MergeReview} takes one more call to settle the merges the clusterer was unsure of.
 *
 * <p>A follow-up item (a story an earlier digest of the last day told, back with news) gets the
 * headline prefix {@value #FOLLOW_UP_PREFIX}, so a reader knows it continues something already
 * read; the prefix is added here, the summarizer is told what is new so the summary says it.
 */
public final class DigestBuilder {

    /** Put before the headline of a follow-up item. */
    public static final String FOLLOW_UP_PREFIX = "【后续】";

    private static final Logger log = LoggerFactory.getLogger(DigestBuilder.class);

    /** How many of the pairs of stories the clusterer almost merged the review is shown, at most. */
    static final int NEAR_PAIRS = 20;

    private final Posts posts;
    private final Summarizer summarizer;
    private final PostFilter filter;
    private final StoryClusterer clusterer;
    private final StoryRanker ranker;
    private final RepeatGuard repeats;
    private final AppConfig.DigestConfig digest;
    private final AppConfig.RankingConfig ranking;
    private final MergeReview review;

    /** Without a merge review (offline). */
    public DigestBuilder(
            Posts posts,
            Summarizer summarizer,
            PostFilter filter,
            StoryClusterer clusterer,
            StoryRanker ranker,
            RepeatGuard repeats,
            AppConfig.DigestConfig digest,
            AppConfig.RankingConfig ranking) {
        this(posts, summarizer, filter, clusterer, ranker, repeats, digest, ranking, new DisabledMergeReview());
    }

    public DigestBuilder(
            Posts posts,
            Summarizer summarizer,
            PostFilter filter,
            StoryClusterer clusterer,
            StoryRanker ranker,
            RepeatGuard repeats,
            AppConfig.DigestConfig digest,
            AppConfig.RankingConfig ranking,
            MergeReview review) {
        this.posts = Objects.requireNonNull(posts, "posts");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        this.repeats = Objects.requireNonNull(repeats, "repeats");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.review = Objects.requireNonNull(review, "review");
    }

    /** The offline pipeline as configured: no merge review. */
    public static DigestBuilder create(
            Posts posts,
            Digests digests,
            Summarizer summarizer,
            AppConfig config,
            SourcesConfig sources,
            Path configDir) {
        return create(
                posts,
                digests,
                summarizer,
                config,
                sources,
                configDir,
                Aliases.load(configDir),
                Aliases.terms(configDir),
                new DisabledMergeReview());
    }

    /** The pipeline as configured, with the bundled word lists and bge-small-zh background. */
    public static DigestBuilder create(
            Posts posts,
            Digests digests,
            Summarizer summarizer,
            AppConfig config,
            SourcesConfig sources,
            Path configDir,
            Aliases aliases,
            Aliases terms,
            MergeReview review) {
        Entities entities = Entities.standard(aliases);
        Background background = Background.bgeSmallZh();
        return new DigestBuilder(
                posts,
                summarizer,
                PostFilter.fromConfigDir(configDir, sources.weights().keySet()),
                new StoryClusterer(config.clustering(), entities, background, StoryModel.load(configDir), terms),
                new StoryRanker(config.ranking(), config.digest(), sources.weights()),
                new RepeatGuard(posts, digests, config.digest(), entities, background),
                config.digest(),
                config.ranking(),
                review);
    }

    /**
     * The digest of {@code slot}, made at {@code now}. An empty or all-chatter window gives a digest
     * with no items (the caller decides what to print); the summarizer is then not called.
     */
    public Digest build(Slot slot, Instant now) {
        return buildWithReport(slot, now).digest();
    }

    /**
     * What one build did, for logs, the coverage line and {@code digest --explain}: the digest, filter
     * counts, every story the window's kept posts formed, the stories still in the running after the
     * repeat guard (best first, follow-ups marked), and timings; then what an explanation needs: the
     * window's posts, why each dropped post was dropped, the clusterer's decisions, every story ranked
     * (best first, before the repeat guard), the terms of each story's score, and every ranked story
     * as the repeat guard judged it, in the same order (a repeat with the earlier item it repeats, a
     * follow-up with the earlier item and what is new, a story without the posts that only retold an
     * earlier item).
     *
     * @param dropReasons the filter's reason for each post it left out, by {@link StoredPost#id()}
     * @param clustering  the clusterer's stories and links (before a merge review changed any)
     * @param scoreParts  the terms of each ranked story's score, by {@link Story#key()}
     */
    public record Build(
            Digest digest,
            PostFilter.Result filtered,
            List<Story> stories,
            List<RankedStory> candidates,
            Map<String, Long> millis,
            List<StoredPost> window,
            Map<Long, PostFilter.Reason> dropReasons,
            Clustering clustering,
            List<RankedStory> ranked,
            Map<String, StoryRanker.Parts> scoreParts,
            List<RankedStory> judged) {

        /** The stories the repeat guard left out, each with the earlier item it repeats. */
        public List<RankedStory> repeats() {
            return judged.stream().filter(r -> r.decision().dropped()).toList();
        }
    }

    /** {@link #build} with what happened along the way. */
    public Build buildWithReport(Slot slot, Instant now) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        List<StoredPost> window = window(slot);
        Map<String, Double> norms =
                posts.authorNorms(slot.windowEnd().minus(Duration.ofDays(ranking.normDays())), slot.windowEnd());
        t = lap(millis, "read", t);
        PostFilter.Result filtered = filter.apply(window);
        t = lap(millis, "filter", t);
        Centring centring = clusterer.centring(filtered.kept());
        Clustering clustering = clusterer.analyse(filtered.kept(), centring);
        List<Story> stories = clustering.stories();
        t = lap(millis, "cluster", t);
        List<RankedStory> ranked = ranker.rank(stories, norms, slot.windowStart(), slot.windowEnd());
        t = lap(millis, "rank", t);
        Reviewed reviewed = review(clustering, ranked);
        if (!reviewed.stories().equals(stories)) {
            stories = reviewed.stories();
            ranked = ranker.rank(stories, norms, slot.windowStart(), slot.windowEnd());
        }
        t = lap(millis, "review", t);
        List<RankedStory> judged = repeats.judge(ranked, slot, centring);
        List<RankedStory> candidates =
                judged.stream().filter(r -> !r.decision().dropped()).toList();
        List<RankedStory> chosen = ranker.pick(candidates);
        t = lap(millis, "repeats", t);
        Summaries summaries = chosen.isEmpty()
                ? new Summaries(List.of(), List.of(), LlmUsage.NONE, "none")
                : summarizer.summarize(chosen.stream()
                        .map(r -> new StoryBrief(r.story(), r.decision().clauses()))
                        .toList());
        if (summaries.items().size() != chosen.size()) {
            throw new IllegalStateException(
                    "summarizer returned " + summaries.items().size() + " summaries for " + chosen.size() + " stories");
        }
        lap(millis, "summarize", t);
        Digest d = new Digest(
                slot,
                now.atZone(slot.end().getZone()),
                summaries.categories(),
                items(chosen, summaries),
                window.size(),
                accounts(window),
                summaries.usage().plus(reviewed.usage()),
                summaries.engine());
        log.info(
                "digest {}: {} posts in window, {} kept (dropped {}), {} stories, {} items; ms {}",
                slot,
                window.size(),
                filtered.kept().size(),
                filtered.dropped(),
                stories.size(),
                d.items().size(),
                millis);
        return new Build(
                d,
                filtered,
                stories,
                candidates,
                millis,
                window,
                filtered.reasons(),
                clustering,
                ranked,
                scoreParts(ranked, norms, slot),
                judged);
    }

    private Map<String, StoryRanker.Parts> scoreParts(List<RankedStory> ranked, Map<String, Double> norms, Slot slot) {
        Map<String, StoryRanker.Parts> out = new LinkedHashMap<>();
        for (RankedStory r : ranked) {
            out.put(r.story().key(), ranker.parts(r.story(), norms, slot.windowStart(), slot.windowEnd()));
        }
        return out;
    }

    /**
     * The review's second look at the stories: the top {@code max_items} ranked, and the near pairs
     * the clusterer reports. A review that fails in any way leaves the stories as they are.
     */
    private Reviewed review(Clustering clustering, List<RankedStory> ranked) {
        List<Story> stories = clustering.stories();
        if (stories.isEmpty()) {
            return new Reviewed(stories, LlmUsage.NONE, List.of());
        }
        IdentityHashMap<Story, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < stories.size(); i++) {
            index.put(stories.get(i), i);
        }
        List<Integer> top = ranked.stream()
                .limit(Math.max(0, digest.maxItems()))
                .map(r -> index.get(r.story()))
                .toList();
        try {
            return review.review(stories, clustering.nearPairs(NEAR_PAIRS), top);
        } catch (RuntimeException e) {
            log.warn("merge review failed, keeping the clusterer's stories", e);
            return new Reviewed(stories, LlmUsage.NONE, List.of("failed: " + e));
        }
    }

    /** The window's posts, each once, none outside {@code [start, end)} whatever the store returns. */
    private List<StoredPost> window(Slot slot) {
        Set<Long> seen = new HashSet<>();
        List<StoredPost> out = new ArrayList<>();
        for (StoredPost p : posts.inWindow(slot.windowStart(), slot.windowEnd())) {
            Instant at = p.post().createdAt();
            if (!at.isBefore(slot.windowStart()) && at.isBefore(slot.windowEnd()) && seen.add(p.id())) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<DigestItem> items(List<RankedStory> chosen, Summaries summaries) {
        List<DigestItem> items = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            RankedStory r = chosen.get(i);
            StorySummary s = summaries.items().get(i);
            Story story = r.story();
            String headline = r.followUp() ? FOLLOW_UP_PREFIX + s.headline() : s.headline();
            String url =
                    story.lead().post().url() == null ? "" : story.lead().post().url();
            items.add(new DigestItem(
                    i + 1,
                    story.key(),
                    headline,
                    s.summary(),
                    url,
                    story.authors(),
                    story.posts().stream().map(StoredPost::id).toList(),
                    r.followUp(),
                    r.score(),
                    s.offline()));
        }
        return items;
    }

    private static int accounts(List<StoredPost> window) {
        Set<String> handles = new HashSet<>();
        window.forEach(p ->
                handles.add(p.post().platform() + ":" + p.post().authorHandle().toLowerCase(Locale.ROOT)));
        return handles.size();
    }

    private static long lap(Map<String, Long> millis, String step, long since) {
        long now = System.nanoTime();
        millis.put(step, (now - since) / 1_000_000);
        return now;
    }
}
