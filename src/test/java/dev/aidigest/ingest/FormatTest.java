package dev.aidigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void parsesTheCommandLineNames() {
        assertThat(Format.parse("x-api-v2")).isEqualTo(Format.X_API_V2);
        assertThat(Format.parse(" RSS ")).isEqualTo(Format.RSS);
        assertThat(Format.parse("jsonl")).isEqualTo(Format.JSONL);
        assertThatThrownBy(() -> Format.parse("csv"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Unknown format 'csv': use x-api-v2, rss or jsonl.");
    }

    @Test
    void guessesFromTheNameAndTheFirstBytes() {
        byte[] xml = "\uFEFF  <?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_8);
        byte[] api = "{\n  \"data\": [\n  {\"id\":\"1\"}\n ]\n}".getBytes(StandardCharsets.UTF_8);
        byte[] lines = "{\"id\":\"1\"}\n{\"id\":\"2\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] oneLine = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(Format.guess("feed.txt", xml)).isEqualTo(Format.RSS);
        assertThat(Format.guess("dump.json", api)).isEqualTo(Format.X_API_V2);
        assertThat(Format.guess("dump.json", oneLine)).isEqualTo(Format.X_API_V2);
        assertThat(Format.guess("posts.txt", lines)).isEqualTo(Format.JSONL);
        assertThat(Format.guess("posts.ndjson", oneLine)).isEqualTo(Format.JSONL);
        assertThat(Format.guess("a.atom", api)).isEqualTo(Format.RSS);
    }
}
