package dev.aidigest.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.testing.FakeFeedServer;
import dev.aidigest.testing.FixtureFiles;
import dev.aidigest.testing.InMemorySourceStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RssSourceTest {
    private static final Instant NOW = Instant.parse("2025-11-26T08:00:00Z");
    private static final long MAX = 1 << 20;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeFeedServer server;
    private final OkHttpClient http = HttpClients.client("ai-digest-test/1.0", Duration.ofSeconds(5));
    private final FeedParser parser = new FeedParser(Map.of(), clock);
    private final InMemorySourceStates.State state = new InMemorySourceStates().of("feed:test");

    RssSourceTest() throws Exception {
        server = new FakeFeedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RssSource source(String path) {
        return new RssSource("feed:test", server.url(path), FeedOrigin.NONE, http, parser, MAX, clock);
    }

    @Test
    void asksWithTheLastEtagAndGetsNothingWhenTheFeedIsUnchanged() throws Exception {
        server.feed("/feed.xml", FixtureFiles.bytes("feeds/blog_rss_zh.xml"), "\"v1\"");
        RssSource source = source("/feed.xml");

        List<Post> first = source.fetch(state);
        List<Post> second = source.fetch(state);

        assertThat(first).hasSize(2);
        assertThat(first.get(0).authorName()).isEqualTo("机器之心");
        assertThat(first.get(0).text()).contains("阿里通义千问团队开源 Qwen3-VL，支持 256K 上下文。");
        assertThat(second).isEmpty();
        List<FakeFeedServer.Received> requests = server.received();
        assertThat(requests.get(0).ifNoneMatch()).isNull();
        assertThat(requests.get(1).ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(requests.get(1).ifModifiedSince()).isEqualTo(FakeFeedServer.LAST_MODIFIED);
        assertThat(requests).allSatisfy(r -> assertThat(r.userAgent()).isEqualTo("ai-digest-test/1.0"));
    }

    @Test
    void anRsshubAccountReadsTheTwitterUserRoute() throws Exception {
        server.feed("/twitter/user/dotey", FixtureFiles.bytes("feeds/rsshub_twitter_user_dotey.xml"), "\"r1\"");
        RssSource source = RssSource.rsshub(server.baseUrl() + "/", "dotey", "宝玉", http, parser, MAX, clock);

        List<Post> posts = source.fetch(state);

        assertThat(source.name()).isEqualTo("rsshub:dotey");
        assertThat(server.received().get(0).path()).isEqualTo("/twitter/user/dotey");
        assertThat(posts).hasSize(3).allSatisfy(p -> {
            assertThat(p.platform()).isEqualTo("x");
            assertThat(p.authorName()).isEqualTo("宝玉");
        });
    }

    @Test
    void aFeedOverTheSizeLimitIsRefusedWithoutDownloadingIt() {
        server.huge("/announced.xml", 50L << 20, true).huge("/chunked.xml", 50L << 20, false);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThatThrownBy(() -> source("/announced.xml").fetch(state))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("the response is 52428800 bytes, over the limit of 1048576 bytes");
            assertThatThrownBy(() -> source("/chunked.xml").fetch(state))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("larger than 1048576 bytes");
        });
        // the client hung up after the limit; only what sat in socket buffers was sent
        assertThat(server.hugeBytesSent()).isLessThan(20L << 20);
    }

    @Test
    void httpFailuresAreSourceExceptionsAndRateLimitsSayWhenToReturn() {
        server.status("/gone.xml", 404, Map.of()).status("/busy.xml", 429, Map.of("Retry-After", "120"));

        assertThatThrownBy(() -> source("/gone.xml").fetch(state))
                .isInstanceOf(SourceException.class)
                .hasMessage("Feed " + server.url("/gone.xml") + " answered HTTP 404.");
        assertThatThrownBy(() -> source("/busy.xml").fetch(state))
                .isInstanceOfSatisfying(
                        SourceException.class, e -> assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(120)));
    }

    @Test
    void anUnusableFeedIsASourceExceptionAndKeepsTheOldEtag() {
        state.put(RssSource.ETAG, "\"old\"");
        server.feed("/evil.xml", FixtureFiles.bytes("feeds/xxe_passwd.xml"), "\"new\"");

        assertThatThrownBy(() -> source("/evil.xml").fetch(state))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(state.get(RssSource.ETAG)).contains("\"old\"");
    }
}
