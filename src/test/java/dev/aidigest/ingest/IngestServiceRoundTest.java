package dev.aidigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.ingest.feed.FeedOrigin;
import dev.aidigest.ingest.feed.FeedParser;
import dev.aidigest.ingest.feed.RssSource;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.ingest.x.XApiSource;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.FakeFeedServer;
import dev.aidigest.testing.FakeXApi;
import dev.aidigest.testing.FixtureFiles;
import dev.aidigest.testing.InMemoryPostSink;
import dev.aidigest.testing.InMemorySourceStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class IngestServiceRoundTest {
    private static final Instant T0 = Instant.parse("2025-11-26T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPostSink sink = new InMemoryPostSink();
    private final FakeEmbedder embedder = new FakeEmbedder();
    private final InMemorySourceStates states = new InMemorySourceStates();
    private final IngestService service = new IngestService(
            Parsers.all(Map.of(), clock), sink, embedder, states, clock, 10L << 20, Duration.ofHours(24));

    private static Post post(String id) {
        return new Post(
                "x",
                id,
                "dotey",
                "宝玉",
                "post " + id,
                T0,
                "https://x.com/dotey/status/" + id,
                "zh",
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    @Test
    void oneFailingSourceNeverStopsTheOthers() {
        ScriptedSource down = new ScriptedSource("down").failing(new SourceException("host unreachable.", null));
        ScriptedSource buggy = new ScriptedSource("buggy").crashing(new IllegalStateException("bug"));
        ScriptedSource good = new ScriptedSource("good").returning(List.of(post("1"), post("2")));

        List<SourceResult> results = service.ingestOnce(List.of(down, buggy, good));

        assertThat(results)
                .extracting(SourceResult::source, SourceResult::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("down", SourceResult.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("buggy", SourceResult.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("good", SourceResult.Outcome.OK));
        assertThat(results.get(0).error()).isEqualTo("host unreachable.");
        assertThat(results.get(1).error()).isEqualTo("IllegalStateException: bug");
        assertThat(results.get(2).added()).isEqualTo(2);
        assertThat(sink.posts()).hasSize(2);
    }

    @Test
    void aFailedSourceRestsLongerAfterEachFailureAndIsFreshAfterASuccess() {
        ScriptedSource flaky = new ScriptedSource("flaky").failing(new SourceException("503.", null));

        SourceResult failed = service.ingestOnce(List.of(flaky)).get(0);
        assertThat(failed.nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(1));
        SourceResult resting = service.ingestOnce(List.of(flaky)).get(0);
        assertThat(resting.outcome()).isEqualTo(SourceResult.Outcome.BACKING_OFF);
        assertThat(flaky.calls).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(service.ingestOnce(List.of(flaky)).get(0).nextAttempt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));

        flaky.returning(List.of(post("7")));
        assertThat(service.ingest(flaky, true).outcome()).isEqualTo(SourceResult.Outcome.OK);
        assertThat(service.ingestOnce(List.of(flaky)).get(0).outcome()).isEqualTo(SourceResult.Outcome.OK);
        assertThat(flaky.calls).isEqualTo(4);
    }

    @Test
    void theCursorMovesOnlyAfterThePostsAreStored() {
        ScriptedSource source =
                new ScriptedSource("cursor").returning(List.of(post("10"))).settingCursor("10");
        sink.failNextAdd(new IllegalStateException("database down"));

        SourceResult failed = service.ingestOnce(List.of(source)).get(0);

        assertThat(failed.outcome()).isEqualTo(SourceResult.Outcome.FAILED);
        assertThat(states.of("cursor").get("cursor")).isEmpty();
        clock.advance(Duration.ofMinutes(3));
        assertThat(service.ingestOnce(List.of(source)).get(0).added()).isEqualTo(1);
        assertThat(states.of("cursor").get("cursor")).contains("10");
    }

    @Test
    void aRateLimitedXApiRestsUntilItsResetTimeWhileFeedsGoOn() throws Exception {
        Instant reset = T0.plus(Duration.ofMinutes(13));
        try (FakeXApi api = new FakeXApi();
                FakeFeedServer feeds = new FakeFeedServer()) {
            api.reply(
                    "/2/users/by",
                    429,
                    FixtureFiles.bytes("twitter/postman_v2_429_rate_limit.txt"),
                    Map.of("x-rate-limit-reset", Long.toString(reset.getEpochSecond())));
            feeds.feed("/feed.xml", FixtureFiles.bytes("feeds/blog_rss_zh.xml"), "\"v1\"");
            OkHttpClient http = HttpClients.client("ai-digest-test", Duration.ofSeconds(5));
            XApiSource x = new XApiSource(
                    http, api.baseUrl(), "token", List.of("dotey"), 100, new XApiV2Parser(Map.of()), 1 << 20);
            RssSource blog = new RssSource(
                    "feed:jiqizhixin",
                    feeds.url("/feed.xml"),
                    FeedOrigin.NONE,
                    http,
                    new FeedParser(Map.of(), clock),
                    1 << 20,
                    clock);

            List<SourceResult> first = service.ingestOnce(List.of(x, blog));
            clock.advance(Duration.ofMinutes(5));
            List<SourceResult> second = service.ingestOnce(List.of(x, blog));

            assertThat(first.get(0).outcome()).isEqualTo(SourceResult.Outcome.FAILED);
            assertThat(first.get(0).nextAttempt()).isEqualTo(reset);
            assertThat(first.get(1).added()).isEqualTo(2);
            assertThat(second.get(0).outcome()).isEqualTo(SourceResult.Outcome.BACKING_OFF);
            assertThat(second.get(1))
                    .isEqualTo(new SourceResult("feed:jiqizhixin", SourceResult.Outcome.OK, 0, 0, 0, null, null));
            assertThat(api.received("/2/users/by")).hasSize(1);
            assertThat(states.of("feed:jiqizhixin").get("etag")).contains("\"v1\"");
        }
    }

    /** A source that plays back what the test tells it. */
    private static final class ScriptedSource implements Source {
        private final String name;
        private List<Post> posts = List.of();
        private Exception failure;
        private String cursor;
        int calls;

        ScriptedSource(String name) {
            this.name = name;
        }

        ScriptedSource returning(List<Post> p) {
            posts = new ArrayList<>(p);
            failure = null;
            return this;
        }

        ScriptedSource failing(SourceException e) {
            failure = e;
            return this;
        }

        ScriptedSource crashing(RuntimeException e) {
            failure = e;
            return this;
        }

        ScriptedSource settingCursor(String value) {
            cursor = value;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Post> fetch(SourceState state) throws SourceException {
            calls++;
            if (failure instanceof SourceException se) {
                throw se;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (cursor != null) {
                state.put("cursor", cursor);
            }
            return posts;
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
