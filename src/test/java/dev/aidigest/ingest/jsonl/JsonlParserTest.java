package dev.aidigest.ingest.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonlParserTest {
    private final JsonlParser parser = new JsonlParser();

    private Parsed parse(String s) {
        return parser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final String FULL = """
      {"platform":"x","id":"1993354297854062805","author_handle":"mervenoyann","author_name":"merve","text":"FLUX.2 is out 🔥","created_at":"2025-11-25T16:13:11Z","url":"https://x.com/mervenoyann/status/1993354297854062805","lang":"en","likes":812,"reposts":95,"replies":21,"quotes":7,"impressions":64000,"ref_type":"quoted","ref_id":"1993340000000000000","ref_author":"bfl_ml","links":["https://bfl.ai/blog/flux-2"],"media":["https://pbs.twimg.com/media/a.jpg"],"conversation_id":"1993354297854062805"}
      """;

    @Test
    void readsEveryDocumentedField() {
        Post post = parse(FULL).posts().get(0);

        assertThat(post)
                .isEqualTo(new Post(
                        "x",
                        "1993354297854062805",
                        "mervenoyann",
                        "merve",
                        "FLUX.2 is out 🔥",
                        Instant.parse("2025-11-25T16:13:11Z"),
                        "https://x.com/mervenoyann/status/1993354297854062805",
                        "en",
                        new Post.Metrics(812, 95, 21, 7, 64000),
                        new Post.Reference("quoted", "1993340000000000000", "bfl_ml"),
                        java.util.List.of("https://bfl.ai/blog/flux-2"),
                        java.util.List.of("https://pbs.twimg.com/media/a.jpg"),
                        "1993354297854062805"));
    }

    @Test
    void onlyIdHandleTextAndTimeAreRequired() {
        Parsed parsed = parse("""

        {"id":1993484284469166132,"author_handle":"@vista8","text":"AI 与芯片结合的四大场景","created_at":"2025-11-26T09:12:00+08:00"}

        """);

        Post post = parsed.posts().get(0);
        assertThat(post.platform()).isEqualTo("x");
        assertThat(post.platformId()).isEqualTo("1993484284469166132");
        assertThat(post.authorHandle()).isEqualTo("vista8");
        assertThat(post.authorName()).isEqualTo("vista8");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2025-11-26T01:12:00Z"));
        assertThat(post.url()).isEqualTo("https://x.com/vista8/status/1993484284469166132");
        assertThat(post.metrics()).isEqualTo(Post.Metrics.NONE);
        assertThat(post.reference()).isNull();
    }

    private static final String OK =
            "{\"id\":\"1\",\"author_handle\":\"a\",\"text\":\"t\",\"created_at\":\"2025-11-26T00:00:00Z\"}\n";

    /** The one reason {@code line}, after a good line, is skipped for. */
    private Parsed.Skipped skippedAfterAGoodLine(String line) {
        Parsed parsed = parse(OK + line + "\n");
        assertThat(parsed.posts()).extracting(Post::platformId).containsExactly("1");
        assertThat(parsed.skipped()).hasSize(1);
        assertThat(parsed.skipped().get(0).entry()).isEqualTo("Line 2");
        return parsed.skipped().get(0);
    }

    @Test
    void aBadLineIsSkippedNamingItsNumberAndTheOthersAreRead() {
        Parsed parsed = parse(OK + "\n" + OK.replace("\"1\"", "\"3\"").replace("created_at", "created")
                + "{\"id\": \"4\", \n" + OK.replace("\"1\"", "\"5\""));

        assertThat(parsed.posts()).extracting(Post::platformId).containsExactly("1", "5");
        assertThat(parsed.skipped())
                .extracting(Parsed.Skipped::toString)
                .containsExactly(
                        "Line 3: the required field created_at is missing.",
                        "Line 4: not valid JSON: Unexpected end-of-input within/between Object entries.");
    }

    @Test
    void eachWayALineFailsIsItsReason() {
        assertThat(skippedAfterAGoodLine("[1,2]").reason()).isEqualTo("not a JSON object.");
        assertThat(skippedAfterAGoodLine("null").reason()).isEqualTo("not a JSON object.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("2025-11-26T00:00:00Z", "26/11/2025"))
                        .reason())
                .isEqualTo("created_at '26/11/2025' is not an ISO-8601 time with a zone.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("2025-11-26T00:00:00Z", "2025-11-26T00:00:00"))
                        .reason())
                .isEqualTo("created_at '2025-11-26T00:00:00' is not an ISO-8601 time with a zone.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("}", ",\"likes\":-1}"))
                        .reason())
                .isEqualTo("likes must be a non-negative integer.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("}", ",\"likes\":\"many\"}"))
                        .reason())
                .isEqualTo("likes must be a non-negative integer.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("}", ",\"platform\":\"weibo\"}"))
                        .reason())
                .isEqualTo("platform must be x or rss, not 'weibo'.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("}", ",\"ref_type\":\"liked\",\"ref_id\":\"9\"}"))
                        .reason())
                .isEqualTo("ref_type must be retweeted, quoted or replied_to, together with ref_id.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("}", ",\"links\":\"https://a\"}"))
                        .reason())
                .isEqualTo("links must be an array of strings.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("\"text\":\"t\"", "\"text\":{\"a\":1}"))
                        .reason())
                .isEqualTo("text must be a string.");
        assertThat(skippedAfterAGoodLine(OK.strip().replace("\"1\"", "\"12ab\""))
                        .reason())
                .isEqualTo("the X post id '12ab' is not a number of at most 19 digits.");
    }

    @Test
    void twoObjectsOnOneLineAreABadLineNotTheFirstObject() {
        assertThat(skippedAfterAGoodLine(OK.strip().replace("\"1\"", "\"2\"") + " " + OK.strip())
                        .reason())
                .startsWith("not valid JSON: ");
    }

    @Test
    void aReasonIsOneCleanLineOfBoundedLength() {
        // the platform is quoted back: raw, an escape sequence would reach the terminal
        String reason = skippedAfterAGoodLine(
                        OK.strip().replace("}", ",\"platform\":\"\\u001b[2J\\r" + "w".repeat(400) + "\"}"))
                .reason();

        assertThat(reason)
                .startsWith("platform must be x or rss, not '[2J ")
                .endsWith("...")
                .hasSize(200);
        assertThat(reason.chars()).noneMatch(c -> c < 0x20);
    }

    @Test
    void aFileNoLineOfWhichIsAPostIsRefusedWhole() {
        assertThatThrownBy(() -> parse("\n \n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The JSON lines file holds no posts.");
        assertThatThrownBy(() -> parse("[1,2]\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The JSON lines file holds no post: Line 1: not a JSON object.");
        // an X API response given as JSON lines: pretty-printed, no line of it is a post
        assertThatThrownBy(() -> parse("{\n  \"data\": [\n    {\"id\": \"1\", \"text\": \"t\"}\n  ]\n}\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("None of the 5 lines of the JSON lines file is a post, the first: Line 1: "
                        + "not valid JSON: ");
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLine() {
        byte[] bytes =
                ("{\"id\":\"1\",\"author_handle\":\"a\",\"text\":\"t\",\"created_at\":\"2025-11-26T00:00:00Z\"}\n"
                                + "{\"id\":\"2\",\"author_handle\":\"a\",\"text\":\"caf\u00e9\",\"created_at\":\"2025-11-26T00:00:00Z\"}\n")
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(bytes))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The JSON lines file is not valid UTF-8 (bad bytes on line 2,");
    }
}
