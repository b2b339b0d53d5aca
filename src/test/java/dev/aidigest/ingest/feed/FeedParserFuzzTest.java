package dev.aidigest.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.testing.PostInvariants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the RSS or Atom feed parser: whatever the bytes, it either refuses them with a
 * {@link BadInputException} that says why, or every post it hands on meets {@link PostInvariants}.
 * Runs its seed corpus ({@code FeedParserFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class FeedParserFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-26T08:00:00Z"), ZoneOffset.UTC);
    static final FeedParser PARSER = new FeedParser(Map.of("dotey", "宝玉"), CLOCK);

    @FuzzTest(maxDuration = "15s")
    void anyInputIsReadWithinTheLimitsOrRefused(byte[] input) {
        try {
            PostInvariants.hold(PARSER.parse(input), CLOCK.instant());
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).as("a refusal says why").isNotBlank();
        }
    }
}
