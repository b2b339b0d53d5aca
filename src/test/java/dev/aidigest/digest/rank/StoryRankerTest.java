package dev.aidigest.digest.rank;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig.DigestConfig;
import dev.aidigest.config.AppConfig.RankingConfig;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryRankerTest {

    private static final Instant START = Instant.parse("2025-11-26T04:00:00Z");
    private static final Instant END = Instant.parse("2025-11-26T08:00:00Z");
    private static final Instant MID = Instant.parse("2025-11-26T06:00:00Z");
    private static final RankingConfig RANKING = new RankingConfig(1.0, 1.2, 0.6, 0.3, 14, -10.0);
    private static final DigestConfig DIGEST = new DigestConfig(10, 17, 24, "0 0 0/4 * * ?", "site");

    private final StoryRanker ranker = new StoryRanker(RANKING, DIGEST, Map.of());

    private static Story story(long id, String... handlesAndLikes) {
        List<StoredPost> posts = new ArrayList<>();
        for (int i = 0; i < handlesAndLikes.length; i += 2) {
            posts.add(post(
                    id * 10 + i,
                    handlesAndLikes[i],
                    "FLUX.2 post " + id,
                    MID,
                    Integer.parseInt(handlesAndLikes[i + 1]),
                    axis((int) id)));
        }
        return new Story(posts);
    }

    @Test
    void aSmallAccountAtTenTimesItsNormBeatsABigAccountAtItsNorm() {
        Story small = story(1, "tinylab", "300");
        Story famous = story(2, "sama", "20000");
        Map<String, Double> norms = Map.of("tinylab", 30.0, "sama", 20000.0);

        List<RankedStory> ranked = ranker.rank(List.of(famous, small), norms, START, END);

        assertThat(ranked).extracting(RankedStory::story).containsExactly(small, famous);
    }

    @Test
    void aStoryToldByThreePeopleBeatsOneToldByOneAtEqualEngagement() {
        Story three = story(1, "a", "100", "b", "100", "c", "100");
        Story one = story(2, "d", "100");
        Map<String, Double> norms = Map.of("a", 100.0, "b", 100.0, "c", 100.0, "d", 100.0);

        List<RankedStory> ranked = ranker.rank(List.of(one, three), norms, START, END);

        assertThat(ranked).extracting(RankedStory::story).containsExactly(three, one);
        assertThat(ranked.get(0).score() - ranked.get(1).score())
                .isCloseTo(1.2 * Math.log(3) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anAuthorWeightFromSourcesLiftsTheirStory() {
        StoryRanker weighted = new StoryRanker(RANKING, DIGEST, Map.of("karpathy", 1.3));
        Story karpathy = story(1, "karpathy", "100");
        Story other = story(2, "someone", "100");

        List<RankedStory> ranked = weighted.rank(List.of(other, karpathy), Map.of(), START, END);

        assertThat(ranked.get(0).story()).isEqualTo(karpathy);
    }

    @Test
    void aStrangerWeighsTheUnknownAuthorWeightUnlessNoAccountIsConfigured() {
        RankingConfig half = new RankingConfig(1.0, 1.2, 0.6, 0.3, 14, -10.0, 0.5);
        StoryRanker withSources = new StoryRanker(half, DIGEST, Map.of("dotey", 1.0));
        Story followed = story(1, "dotey", "100");
        Story stranger = story(2, "someone", "100");

        double gap =
                withSources.score(followed, Map.of(), START, END) - withSources.score(stranger, Map.of(), START, END);
        StoryRanker noSources = new StoryRanker(half, DIGEST, Map.of());
        double none = noSources.score(followed, Map.of(), START, END) - noSources.score(stranger, Map.of(), START, END);

        assertThat(gap).isCloseTo(-0.6 * Math.log(0.5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(none).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RANKING.unknownAuthorWeight()).as("absent means the default").isEqualTo(0.7);
    }

    @Test
    void picksUpToMaxItemsAndFewerOnlyWhenThereAreFewerStories() {
        List<RankedStory> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(new RankedStory(story(i + 1, "a" + i, "10"), 5 - i * 0.1, false));
        }

        assertThat(ranker.pick(many)).hasSize(17).isEqualTo(many.subList(0, 17));
        assertThat(ranker.pick(many.subList(0, 4))).hasSize(4);
    }

    @Test
    void cutsStoriesBelowTheQualityBarButNeverBelowMinItems() {
        StoryRanker strict = new StoryRanker(new RankingConfig(1.0, 1.2, 0.6, 0.3, 14, 0.0), DIGEST, Map.of());
        List<RankedStory> ranked = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ranked.add(new RankedStory(story(i + 1, "a" + i, "10"), i < 8 ? 1.0 : -1.0, false));
        }

        assertThat(strict.pick(ranked)).as("8 above the bar, min 10").hasSize(10);
        assertThat(strict.pick(ranked.subList(0, 12)).get(9).score()).isEqualTo(-1.0);
    }
}
