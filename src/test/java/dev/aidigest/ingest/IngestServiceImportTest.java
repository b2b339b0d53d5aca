package dev.aidigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.FixtureFiles;
import dev.aidigest.testing.InMemoryPostSink;
import dev.aidigest.testing.InMemorySourceStates;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceImportTest {
    private static final long MAX = 10L << 20;

    @TempDir
    Path dir;

    private final InMemoryPostSink sink = new InMemoryPostSink();
    private final FakeEmbedder embedder = new FakeEmbedder();
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-26T08:00:00Z"), ZoneOffset.UTC);
    private final IngestService service = new IngestService(
            Parsers.all(Map.of(), clock), sink, embedder, new InMemorySourceStates(), clock, MAX, Duration.ofHours(24));

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String line(int i) {
        return "{\"id\":\"" + (1993000000000000000L + i) + "\",\"author_handle\":\"dotey\",\"text\":\"第 " + i
                + " 条\",\"created_at\":\"2025-11-26T08:00:00Z\"}";
    }

    @Test
    void importStoresNewPostsAndAReimportAddsAndEmbedsNothing() throws IOException {
        Path f = file(
                "replies.json",
                FixtureFiles.bytes("twitter/postman_v2_search_recent_tweet_fields_expanded_users.json"));

        ImportResult first = service.importFile(f, Format.X_API_V2);
        ImportResult again = service.importFile(f, Format.X_API_V2);

        assertThat(first).isEqualTo(new ImportResult(4, 4, 0, 0));
        assertThat(again).isEqualTo(new ImportResult(4, 0, 4, 0));
        assertThat(embedder.textsEmbedded()).isEqualTo(4);
        assertThat(sink.addCalls()).isEqualTo(1);
        assertThat(sink.posts()).hasSize(4);
        assertThat(sink.vector("x", "1276035977375477760")).hasSize(embedder.dimensions());
    }

    @Test
    void aFileWhosePostsHaveNoAuthorIsRefusedAndStoresNothing() throws IOException {
        // a lookup answer without includes.users: 58 posts, none of them attributable
        Path f = file("lookup.json", FixtureFiles.bytes("twitter/postman_v2_tweets_lookup_multi_tweet_fields.json"));

        assertThatThrownBy(() -> service.importFile(f, Format.X_API_V2))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("None of the 58 posts has an author");
        assertThat(sink.posts()).isEmpty();
    }

    @Test
    void aBadLineIsSkippedAndNamedAndReimportingTheFixedFileAddsOnlyIt() throws IOException {
        String bad = "{\"id\":\"1993000000000000003\",\"author_handle\":\"dotey\"}";
        Path f = file(
                "posts.jsonl",
                String.join("\n", line(1), bad, line(2), "{]", line(4)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> service.importFile(f, Format.JSONL))
                .isInstanceOf(BadInputException.class)
                .hasMessage("2 entries are bad, the first: Line 2: the required field text is missing."
                        + " The other 3 posts were imported (3 new).");
        assertThat(sink.posts()).hasSize(3);
        assertThat(embedder.textsEmbedded()).isEqualTo(3);

        Files.writeString(f, String.join("\n", line(1), line(3), line(2), line(4)));
        ImportResult fixed = service.importFile(f, Format.JSONL);

        assertThat(fixed).isEqualTo(new ImportResult(4, 1, 3, 0));
        assertThat(sink.posts()).hasSize(4);
        assertThat(embedder.batches()).last().isEqualTo(List.of("第 3 条"));
    }

    private static String tweet(String id, String createdAt) {
        return "{\"id\":\"" + id + "\",\"author_id\":\"1001\",\"text\":\"post " + id + "\",\"created_at\":\""
                + createdAt + "\"}";
    }

    private static byte[] xFile(String... tweets) {
        return ("{\"data\":[" + String.join(",", tweets)
                        + "],\"includes\":{\"users\":[{\"id\":\"1001\",\"username\":\"dotey\",\"name\":\"宝玉\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anXOrFeedFileWithoutOneGoodEntryIsRefusedWholeLikeJsonLines() throws IOException {
        Path x = file(
                "bad.json",
                xFile(tweet("12ab", "2025-11-26T06:00:00Z"), tweet("1993000000000000002", "2999-01-01T00:00:00Z")));
        Path oneX = file("one.json", xFile(tweet("1993000000000000003", "2999-01-01T00:00:00Z")));
        Path feed = file(
                "bad.xml",
                ("<rss version=\"2.0\"><channel><title>A</title><link>https://a.example/</link><item><title>t</title>"
                                + "<link>https://a.example/1</link><pubDate>Fri, 01 Jan 2999 00:00:00 GMT</pubDate>"
                                + "<description>s</description></item></channel></rss>")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> service.importFile(x, Format.X_API_V2))
                .isInstanceOf(BadInputException.class)
                .hasMessage("None of the 2 entries of the X API v2 file is a post, the first: X API v2 post 12ab:"
                        + " its id is not a number of at most 19 digits.");
        assertThatThrownBy(() -> service.importFile(oneX, Format.X_API_V2))
                .hasMessageStartingWith(
                        "The X API v2 file holds no post: X API v2 post 1993000000000000003: created_at");
        assertThatThrownBy(() -> service.importFile(feed, Format.RSS))
                .hasMessageStartingWith("The feed holds no post: feed entry 1 (t): created_at 2999-01-01T00:00:00Z");
        assertThat(sink.addCalls()).isZero();
        assertThat(embedder.batches()).isEmpty();
    }

    @Test
    void anXFileWithOneGoodEntryStoresItAndNamesTheBadOneInTwoSentences() throws IOException {
        Path x = file(
                "some.json",
                xFile(tweet("12ab", "2025-11-26T06:00:00Z"), tweet("1993000000000000002", "2025-11-26T06:00:00Z")));

        assertThatThrownBy(() -> service.importFile(x, Format.X_API_V2))
                .isInstanceOf(BadInputException.class)
                .hasMessage("X API v2 post 12ab: its id is not a number of at most 19 digits."
                        + " The other post was imported (1 new).");
        assertThat(sink.posts()).hasSize(1);
    }

    @Test
    void aFileThatIsNoJsonLinesLeavesTheStoreUntouched() throws IOException {
        Path binary = file("posts.jsonl", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        Path noPost = file("x.jsonl", ("{\n  \"data\": [" + line(1) + "]\n}\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> service.importFile(binary, Format.JSONL))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The JSON lines file is not valid UTF-8 (bad bytes on line 1,");
        assertThatThrownBy(() -> service.importFile(noPost, Format.JSONL))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("None of the 3 lines of the JSON lines file is a post, the first: Line 1: ");
        assertThat(sink.posts()).isEmpty();
        assertThat(sink.addCalls()).isZero();
        assertThat(embedder.batches()).isEmpty();
    }

    @Test
    void embedsInBatchesAndStoresAllAtOnce() throws IOException {
        String content =
                IntStream.range(0, 150).mapToObj(IngestServiceImportTest::line).collect(Collectors.joining("\n"));
        Path f = file("many.jsonl", content.getBytes(StandardCharsets.UTF_8));

        ImportResult result = service.importFile(f, Format.JSONL);

        assertThat(result.added()).isEqualTo(150);
        assertThat(embedder.batches()).extracting(List::size).containsExactly(64, 64, 22);
        assertThat(sink.addCalls()).isEqualTo(1);
    }

    @Test
    void onlyPostsNotYetStoredAreEmbedded() throws IOException {
        service.importFile(file("a.jsonl", (line(1) + "\n" + line(2)).getBytes(StandardCharsets.UTF_8)), Format.JSONL);

        ImportResult result = service.importFile(
                file("b.jsonl", (line(2) + "\n" + line(3) + "\n" + line(3)).getBytes(StandardCharsets.UTF_8)),
                Format.JSONL);

        assertThat(result).isEqualTo(new ImportResult(3, 1, 2, 0));
        assertThat(embedder.batches()).last().isEqualTo(List.of("第 3 条"));
    }

    @Test
    void postsAreEmbeddedByTheirTextWithoutLinks() {
        Post post = new Post(
                "x",
                "1",
                "dotey",
                null,
                "Claude Opus 4.5 发布  https://www.anthropic.com/news/claude-opus-4-5 详情",
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Post onlyLink = new Post(
                "x", "2", "dotey", null, "https://x.com/a", Instant.EPOCH, null, null, null, null, null, null, null);

        assertThat(IngestService.embeddingText(post)).isEqualTo("Claude Opus 4.5 发布 详情");
        assertThat(IngestService.embeddingText(onlyLink)).isEqualTo("https://x.com/a");
    }

    @Test
    void guessesTheFormatWhenNoneIsGiven() throws IOException {
        Path feed = file("dotey.xml", FixtureFiles.bytes("feeds/rsshub_twitter_user_dotey.xml"));
        Path lines = file("posts.txt", (line(1) + "\n" + line(2) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(service.importFile(feed).added()).isEqualTo(3);
        assertThat(service.importFile(lines).added()).isEqualTo(2);
        assertThat(sink.post("x", "1993367714061439414").authorHandle()).isEqualTo("dotey");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(50L << 20);
        }

        assertThatThrownBy(() -> service.importFile(big, Format.X_API_V2))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The file " + big
                        + " is 52428800 bytes, over the limit of 10485760 bytes (ingest.max_feed_bytes).");
        assertThatThrownBy(() -> service.importFile(dir.resolve("missing.json"), Format.X_API_V2))
                .hasMessage("No such file: " + dir.resolve("missing.json") + ".");
        assertThatThrownBy(() -> service.importFile(file("empty.json", new byte[0]), Format.X_API_V2))
                .hasMessage("The file " + dir.resolve("empty.json") + " is empty.");
    }
}
