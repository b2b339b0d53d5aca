package dev.aidigest.digest;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.rank.RankedStory;
import dev.aidigest.digest.rank.RepeatGuard;
import dev.aidigest.digest.rank.StoryRanker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the digest of a slot's 4-hour window: filter → cluster → rank → no repeat → summarize.
 * The LLM (behind {@link Summarizer}) sees only the stories that made the cut, in one call.
 *
 * <p>A follow-up item (a story an earlier digest of the last day told, back with news) gets the
 * headline prefix {@value #FOLLOW_UP_PREFIX}, so a reader knows it continues something already
 * read; the prefix is added here, the summarizer is told what is new so the summary says it.
 */
public final class DigestBuilder {

    /** Put before the headline of a follow-up item. */
    public static final String FOLLOW_UP_PREFIX = "【后续】";

    private static final Logger log = LoggerFactory.getLogger(DigestBuilder.class);

    private final Posts posts;
    private final Summarizer summarizer;
    private final PostFilter filter;
    private final StoryClusterer clusterer;
    private final StoryRanker ranker;
    private final RepeatGuard repeats;
    private final AppConfig.DigestConfig digest;
    private final AppConfig.RankingConfig ranking;

    public DigestBuilder(
            Posts posts,
            Summarizer summarizer,
            PostFilter filter,
            StoryClusterer clusterer,
            StoryRanker ranker,
            RepeatGuard repeats,
            AppConfig.DigestConfig digest,
            AppConfig.RankingConfig ranking) {
        this.posts = Objects.requireNonNull(posts, "posts");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        this.repeats = Objects.requireNonNull(repeats, "repeats");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
    }

    /** The pipeline as configured, with the bundled word lists and bge-small-zh background. */
    public static DigestBuilder create(
            Posts posts,
            Digests digests,
            Summarizer summarizer,
            AppConfig config,
            SourcesConfig sources,
            Path configDir) {
        Entities entities = Entities.standard();
        Background background = Background.bgeSmallZh();
        return new DigestBuilder(
                posts,
                summarizer,
                PostFilter.fromConfigDir(configDir),
                new StoryClusterer(config.clustering(), entities, background),
                new StoryRanker(config.ranking(), config.digest(), sources.weights()),
                new RepeatGuard(posts, digests, config.digest(), entities, background),
                config.digest(),
                config.ranking());
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
     * repeat guard (best first, follow-ups marked with the earlier item and what is new), timings, and
     * the stories the guard left out as repeats (each with the earlier item it repeats).
     */
    public record Build(
            Digest digest,
            PostFilter.Result filtered,
            List<Story> stories,
            List<RankedStory> candidates,
            Map<String, Long> millis,
            List<RankedStory> repeats) {}

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
        List<Story> stories = clusterer.cluster(filtered.kept(), centring);
        t = lap(millis, "cluster", t);
        List<RankedStory> ranked = ranker.rank(stories, norms, slot.windowStart(), slot.windowEnd());
        List<RankedStory> judged = repeats.judge(ranked, slot, centring);
        List<RankedStory> candidates =
                judged.stream().filter(r -> !r.decision().dropped()).toList();
        List<RankedStory> chosen = ranker.pick(candidates);
        t = lap(millis, "rank", t);
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
                summaries.usage(),
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
        List<RankedStory> left =
                judged.stream().filter(r -> r.decision().dropped()).toList();
        return new Build(d, filtered, stories, candidates, millis, left);
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
