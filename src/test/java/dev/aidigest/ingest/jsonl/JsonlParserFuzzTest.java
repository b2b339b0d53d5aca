package dev.aidigest.ingest.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.testing.PostInvariants;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the JSON lines file parser: whatever the bytes, it either refuses the whole file
 * with a {@link BadInputException} that says why (not UTF-8, or no line of it a post), or it reads at least
 * one post and accounts for every other non-blank line: each is a post meeting {@link PostInvariants} or a
 * skipped entry naming its line number, in file order, with a one-line reason.
 * Runs its seed corpus ({@code JsonlParserFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class JsonlParserFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-26T08:00:00Z"), ZoneOffset.UTC);
    static final JsonlParser PARSER = new JsonlParser(CLOCK);

    @FuzzTest(maxDuration = "15s")
    void anyInputIsReadWithinTheLimitsOrRefused(byte[] input) {
        Parsed parsed;
        try {
            parsed = PARSER.parse(input);
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).as("a refusal says why").isNotBlank();
            return;
        }
        PostInvariants.hold(parsed, CLOCK.instant());
        assertThat(parsed.posts())
                .as("a file with no post is refused, not read as empty")
                .isNotEmpty();
        List<Integer> entries = nonBlankLines(new String(input, StandardCharsets.UTF_8));
        assertThat(parsed.posts().size() + parsed.skipped().size())
                .as("every non-blank line is a post or skipped")
                .isEqualTo(entries.size());
        List<Integer> named = parsed.skipped().stream()
                .map(s -> Integer.valueOf(s.entry().substring("Line ".length())))
                .toList();
        if (!named.isEmpty()) {
            assertThat(entries)
                    .as("skipped lines are named by number, in file order")
                    .containsSubsequence(named);
        }
        parsed.skipped().forEach(s -> PostInvariants.clean(s.reason(), false));
    }

    /** Numbers of the lines that are entries (the file decoded without its byte-order mark). */
    private static List<Integer> nonBlankLines(String text) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
