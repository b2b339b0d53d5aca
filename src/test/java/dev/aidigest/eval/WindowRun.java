package dev.aidigest.eval;

import dev.aidigest.config.AppConfig;
import dev.aidigest.digest.CentredSimilarity;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.RankedStory;
import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one labelled window gave when run for real ({@link EvalRun}).
 *
 * @param filePosts    every post of the evaluated window file ({@code data}), by tweet id, as parsed
 * @param inWindow     the posts the store returns for the slot's window
 * @param filtered     tweet id → why the filter left it out, for window posts it left out
 * @param build        the evaluated slot's build: digest, stories, candidates
 * @param previous     the stored digest of the previous slot
 * @param clustering   the clustering settings the build ran with
 * @param similarity   centred similarity of the kept posts, as the clusterer measures it
 * @param millis       time per step
 */
public record WindowRun(
        EvalCorpus.Window window,
        Map<String, Post> filePosts,
        List<StoredPost> inWindow,
        Map<String, PostFilter.Reason> filtered,
        DigestBuilder.Build build,
        Digest previous,
        AppConfig.ClusterConfig clustering,
        CentredSimilarity similarity,
        Imported imported,
        Map<String, Long> millis) {

    /** Posts read and newly stored by the two imports. */
    public record Imported(int previousRead, int previousAdded, int read, int added) {}

    /** Which clusters count as the engine's answer. */
    public enum View {
        /** Every story left after the repeat guard, best first: what clustering and the guard decided. */
        CANDIDATES,
        /** Only the digest's items: what a reader sees (the cut to {@code max_items} applies). */
        ITEMS
    }

    public Labels labels() {
        return window.labels();
    }

    /** The clusters of {@code view}, each a list of tweet ids, in the engine's order. */
    public List<List<String>> clusters(View view) {
        List<List<String>> out = new ArrayList<>();
        if (view == View.CANDIDATES) {
            for (RankedStory r : build.candidates()) {
                out.add(ids(r.story()));
            }
        } else {
            Map<Long, String> byRow = new HashMap<>();
            build.stories().forEach(s -> s.posts()
                    .forEach(p -> byRow.put(p.id(), p.post().platformId())));
            inWindow.forEach(p -> byRow.putIfAbsent(p.id(), p.post().platformId()));
            for (DigestItem item : build.digest().items()) {
                out.add(item.postIds().stream()
                        .map(id -> {
                            String tweet = byRow.get(id);
                            if (tweet == null) {
                                throw new IllegalStateException("item " + item.position() + " has post row " + id
                                        + " that is not in the window");
                            }
                            return tweet;
                        })
                        .toList());
            }
        }
        return out;
    }

    /** {@link #clusters}, and every other post of the window file as dropped. */
    public Prediction prediction(View view) {
        List<List<String>> clusters = clusters(view);
        Set<String> kept = new HashSet<>();
        clusters.forEach(kept::addAll);
        List<String> dropped =
                filePosts.keySet().stream().filter(id -> !kept.contains(id)).toList();
        return new Prediction(clusters, dropped);
    }

    public StoryScores.Score score(View view) {
        return StoryScores.score(prediction(view), labels());
    }

    /** The post of a tweet id: from the store when in the window, else as parsed from the file. */
    public Post post(String tweetId) {
        for (StoredPost p : inWindow) {
            if (p.post().platformId().equals(tweetId)) {
                return p.post();
            }
        }
        return filePosts.get(tweetId);
    }

    /** The story of the build's {@code stories()} that holds a tweet, or null. */
    public Story storyOf(String tweetId) {
        for (Story s : build.stories()) {
            for (StoredPost p : s.posts()) {
                if (p.post().platformId().equals(tweetId)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static List<String> ids(Story story) {
        return story.posts().stream().map(p -> p.post().platformId()).toList();
    }
}
