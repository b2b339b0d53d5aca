package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.review.DisabledMergeReview;
import dev.aidigest.llm.LlmMergeReview;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge review follows the summarizer: the LLM one with a base URL, none offline. */
class WiringReviewTest {

    @TempDir
    Path data;

    @Test
    void offlineHasNoReviewAndAnLlmBaseUrlBringsTheLlmReview() {
        try (Wiring offline = Wiring.create(Path.of("config"), data, Map.of());
                Wiring llm = Wiring.create(
                        Path.of("config"), data, Map.of("AIDIGEST_LLM_BASE_URL", "http://127.0.0.1:9/v1"))) {
            assertThat(offline.review()).isInstanceOf(DisabledMergeReview.class);
            assertThat(llm.review()).isInstanceOf(LlmMergeReview.class).isSameAs(llm.review());
        }
    }
}
