package dev.aidigest.digest.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.testing.StoryFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline summary of a follow-up ends with one Chinese sentence on what is new. */
class OfflineFollowUpSummaryTest {

    private final StoryFixtures f = new StoryFixtures();
    private final OfflineSummarizer offline = new OfflineSummarizer();

    private final Story glm = f.story(
            "zai_org",
            "Z.ai",
            "GLM-4.6V API pricing: $0.3 input / $0.9 output per 1M tokens. GLM-4.6V-Flash is free to use.");

    @Test
    void aFollowUpEndsWithWhatIsNew() {
        StorySummary told = offline.summarize(glm);

        StorySummary s = offline.summarize(new StoryBrief(
                glm, List.of("$0.3 input / $0.9 output per 1M tokens", "GLM-4.6V-Flash is free to use")));

        assertThat(s.headline()).isEqualTo(told.headline());
        assertThat(s.summary())
                .startsWith(told.summary())
                .endsWith("新进展：$0.3 input / $0.9 output per 1M tokens；GLM-4.6V-Flash is free to use。");
        assertThat(s.offline()).isTrue();
    }

    @Test
    void aNewStoryHasNoSuchSentence() {
        Summaries result = offline.summarize(StoryBrief.all(List.of(glm)));

        assertThat(result.items()).singleElement().satisfies(s -> assertThat(s.summary())
                .doesNotContain("新进展"));
    }

    @Test
    void whatIsNewCannotAddMarkdown() {
        StorySummary s = offline.summarize(new StoryBrief(glm, List.of("[free](https://evil.example) **now**")));

        assertThat(s.summary()).doesNotContain("](", "**now**");
    }
}
