package dev.aidigest.digest.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.testing.StoryFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewCandidatesTest {

    private final StoryFixtures f = new StoryFixtures();

    private List<Story> stories(int n) {
        List<Story> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.story("u" + i, "User " + i, "Model number " + i + " is out."));
        }
        return out;
    }

    @Test
    void showsTheTopFirstThenTheClosestNearPairsEachWholeUpToTheCap() {
        List<NearPair> near = List.of(
                new NearPair(5, 6, 0.4), new NearPair(7, 8, 0.9), new NearPair(1, 9, 0.6), new NearPair(3, 3, 1.0));

        ShownStories shown = ReviewCandidates.choose(stories(10), near, List.of(2, 1, 0), 6);

        // 7-8 (0.9) fits, 1-9 (0.6) adds one, 5-6 (0.4) would make 7
        assertThat(shown.stories()).containsExactly(2, 1, 0, 7, 8, 9);
        assertThat(shown.near()).containsExactly(new NearPair(7, 8, 0.9), new NearPair(1, 9, 0.6));
        assertThat(shown.first(4).stories()).containsExactly(2, 1, 0, 7);
        assertThat(shown.first(4).near()).isEmpty();
    }

    @Test
    void ignoresIndexesOutOfRange() {
        ShownStories shown =
                ReviewCandidates.choose(stories(3), List.of(new NearPair(0, 5, 0.9)), List.of(-1, 1, 3), 40);

        assertThat(shown.stories()).containsExactly(1);
        assertThat(shown.near()).isEmpty();
        assertThat(shown.worthAsking()).isFalse();
    }

    @Test
    void showsTheLeadThenOnePostOfEachOtherAuthorThenTheRest() {
        StoredPost lead = f.post("bfl_ml", "Black Forest Labs", "FLUX.2 is out");
        StoredPost own = f.post("bfl_ml", "Black Forest Labs", "2/ FLUX.2 pricing");
        List<StoredPost> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(f.post("fan" + i, "Fan " + i, "FLUX.2 looks great " + i));
        }
        List<StoredPost> posts = new ArrayList<>(List.of(lead, own));
        posts.addAll(others);

        List<Long> shown = ReviewCandidates.shownPosts(new Story(posts), ReviewCandidates.POSTS_PER_STORY);

        assertThat(shown)
                .containsExactly(
                        lead.id(),
                        others.get(0).id(),
                        others.get(1).id(),
                        others.get(2).id(),
                        others.get(3).id(),
                        others.get(4).id());
    }
}
