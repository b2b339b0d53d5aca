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

    @Test
    void aBadLineIsRefusedNamingItsNumber() {
        String ok = "{\"id\":\"1\",\"author_handle\":\"a\",\"text\":\"t\",\"created_at\":\"2025-11-26T00:00:00Z\"}\n";

        assertThatThrownBy(() -> parse(ok + ok + "{\"id\":\"3\",\"author_handle\":\"a\",\"text\":\"t\"}\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Line 3: the required field created_at is missing.");
        assertThatThrownBy(() -> parse(ok + "{\"id\": \"2\", \n")).hasMessageStartingWith("Line 2 is not valid JSON: ");
        assertThatThrownBy(() -> parse(ok + "[1,2]\n")).hasMessage("Line 2 is not a JSON object.");
        assertThatThrownBy(() -> parse(ok.replace("2025-11-26T00:00:00Z", "26/11/2025")))
                .hasMessage("Line 1: created_at '26/11/2025' is not an ISO-8601 time with a zone.");
        assertThatThrownBy(() -> parse(ok.replace("2025-11-26T00:00:00Z", "2025-11-26T00:00:00")))
                .hasMessage("Line 1: created_at '2025-11-26T00:00:00' is not an ISO-8601 time with a zone.");
        assertThatThrownBy(() -> parse(ok.replace("}", ",\"likes\":-1}")))
                .hasMessage("Line 1: likes must be a non-negative integer.");
        assertThatThrownBy(() -> parse(ok.replace("}", ",\"likes\":\"many\"}")))
                .hasMessage("Line 1: likes must be a non-negative integer.");
        assertThatThrownBy(() -> parse(ok.replace("}", ",\"platform\":\"weibo\"}")))
                .hasMessage("Line 1: platform must be x or rss, not 'weibo'.");
        assertThatThrownBy(() -> parse(ok.replace("}", ",\"ref_type\":\"liked\",\"ref_id\":\"9\"}")))
                .hasMessage("Line 1: ref_type must be retweeted, quoted or replied_to, together with ref_id.");
        assertThatThrownBy(() -> parse(ok.replace("}", ",\"links\":\"https://a\"}")))
                .hasMessage("Line 1: links must be an array of strings.");
        assertThatThrownBy(() -> parse(ok.replace("\"text\":\"t\"", "\"text\":{\"a\":1}")))
                .hasMessage("Line 1: text must be a string.");
        assertThatThrownBy(() -> parse("\n \n")).hasMessage("The JSON lines file holds no posts.");
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
