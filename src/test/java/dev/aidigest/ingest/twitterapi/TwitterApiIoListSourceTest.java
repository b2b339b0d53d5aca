package dev.aidigest.ingest.twitterapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceResult;
import dev.aidigest.ingest.feed.FeedOrigin;
import dev.aidigest.ingest.feed.FeedParser;
import dev.aidigest.ingest.feed.RssSource;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.Tariff;
import dev.aidigest.ingest.spend.Usd;
import dev.aidigest.store.Database;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.PostStore;
import dev.aidigest.store.ReadLedgerStore;
import dev.aidigest.store.SourceStateStores;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.FakeFeedServer;
import dev.aidigest.testing.FakeTwitterApiIo;
import dev.aidigest.testing.FixtureFiles;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import dev.aidigest.web.Health;
import dev.aidigest.web.OpsChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwitterApiIoListSourceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final String LIST = "1585430245762441216";
    private static final List<String> MEMBERS =
            IntStream.range(0, 20).mapToObj(i -> "member" + i).toList();
    private final TestClock clock = new TestClock(T0);
    private final Database db = TestDb.h2();
    private final ReadLedgerStore ledger = new ReadLedgerStore(db);
    private final PostStore store = new PostStore(db, clock);
    private final OkHttpClient http = HttpClients.client("t", Duration.ofSeconds(5));
    private final IngestService ingest = new IngestService(
            Parsers.all(Map.of(), clock),
            store,
            new FakeEmbedder(),
            new SourceStateStores(db),
            clock,
            1 << 20,
            Duration.ofHours(24));

    @AfterEach
    void close() {
        db.close();
    }

    private ReadBudget budget() {
        return new ReadBudget(
                "twitterapi",
                "twitterapi.io",
                Usd.micros(10),
                new Tariff(FakeTwitterApiIo.TWEET_MICROS, 0, FakeTwitterApiIo.TWEET_MICROS, false),
                Duration.ofHours(6),
                ledger,
                clock);
    }

    private TwitterApiIoListSource list(FakeTwitterApiIo api, ReadBudget budget, int maxPages) {
        return new TwitterApiIoListSource(
                http, api.baseUrl(), "test-key", LIST, maxPages, Map.of("member3", "成员三"), 1 << 20, budget, clock);
    }

    private FakeTwitterApiIo fake(Duration every) throws Exception {
        return new FakeTwitterApiIo(clock, T0, MEMBERS, every).list(LIST, MEMBERS);
    }

    private long billed() {
        return ledger.totals(
                        "twitterapi",
                        T0.minus(Duration.ofDays(1)),
                        clock.instant().plusSeconds(1))
                .micros();
    }

    @Test
    void aListReadStoresEveryMembersPostsWithTheirHandlesAndNames() throws Exception {
        try (FakeTwitterApiIo api = fake(Duration.ofHours(1))) {
            clock.advance(Duration.ofMinutes(30)); // one post per member so far

            SourceResult result =
                    ingest.ingestOnce(List.of(list(api, budget(), 5))).get(0);

            assertThat(result.source()).isEqualTo("twitterapi-list:" + LIST);
            assertThat(result.outcome()).isEqualTo(SourceResult.Outcome.OK);
            assertThat(result.added()).isEqualTo(20);
            List<StoredPost> stored = store.inWindow(T0, clock.instant().plusSeconds(1));
            assertThat(stored).hasSize(20);
            StoredPost seventh = stored.stream()
                    .filter(p -> p.post().authorHandle().equals("member7"))
                    .findFirst()
                    .orElseThrow();
            assertThat(seventh.post().authorName()).isEqualTo("Name member7"); // from the author object
            assertThat(seventh.post().url())
                    .isEqualTo("https://x.com/member7/status/" + seventh.post().platformId());
            assertThat(stored)
                    .filteredOn(p -> p.post().authorHandle().equals("member3"))
                    .extracting(p -> p.post().authorName())
                    .containsExactly("成员三"); // sources.yml's name wins
            FakeTwitterApiIo.ListRequest sent = api.listRequests().get(0);
            assertThat(sent.listId()).isEqualTo(LIST);
            assertThat(sent.sinceTime())
                    .isEqualTo(Long.toString(
                            clock.instant().minus(Duration.ofHours(4)).getEpochSecond()));
            assertThat(sent.cursor()).isNull();
        }
    }

    @Test
    void oneCallARoundWithSinceTimeFromTheNewestPostNothingReadTwiceAndTheBillMatchesTheProvider() throws Exception {
        try (FakeTwitterApiIo api = fake(Duration.ofHours(1))) {
            TwitterApiIoListSource list = list(api, budget(), 5);
            int rounds = 8; // 4 hours of 30-minute rounds
            for (int i = 0; i < rounds; i++) {
                clock.advance(Duration.ofMinutes(30));
                assertThat(ingest.ingestOnce(List.of(list)).get(0).ok()).isTrue();
            }

            // member0 posts at T0, T0+1h, ... T0+4h (5), the others at T0+k s, ... T0+3h+k s (4 each)
            int posts = 5 + 19 * 4;
            System.out.printf(
                    "twitterapi.io list of 20: %d calls in %d rounds, %d posts, bill %s%n",
                    api.listRequests().size(), rounds, store.count(), Usd.format(api.bill()));
            assertThat(api.listRequests()).hasSize(rounds); // no round had more than a page
            assertThat(store.count()).isEqualTo(posts);
            assertThat(api.returned()).hasSize(posts).doesNotHaveDuplicates();
            assertThat(api.bill()).isEqualTo(posts * FakeTwitterApiIo.TWEET_MICROS);
            assertThat(billed()).isEqualTo(api.bill());
            // each round asks after the newest post of the one before
            List<FakeTwitterApiIo.ListRequest> sent = api.listRequests();
            assertThat(sent.get(1).sinceTime())
                    .isEqualTo(Long.toString(T0.plusSeconds(19).getEpochSecond()));
            assertThat(sent).allSatisfy(r -> assertThat(r.cursor()).isNull());
        }
    }

    @Test
    void aBacklogLongerThanThePageLimitIsFinishedFromItsCursorInTheNextRoundsWithoutGapsOrRereads() throws Exception {
        try (FakeTwitterApiIo api = fake(Duration.ofMinutes(10))) {
            TwitterApiIoListSource list = list(api, budget(), 1); // one page a round
            clock.advance(Duration.ofMinutes(29)); // 3 posts a member: 60, three pages
            ingest.ingestOnce(List.of(list));
            clock.advance(Duration.ofMinutes(5));
            ingest.ingestOnce(List.of(list));
            clock.advance(Duration.ofMinutes(5)); // the posts of T0+30m wait for the backlog
            ingest.ingestOnce(List.of(list));
            clock.advance(Duration.ofMinutes(5));
            ingest.ingestOnce(List.of(list));

            List<FakeTwitterApiIo.ListRequest> sent = api.listRequests();
            String firstSince = sent.get(0).sinceTime();
            assertThat(sent)
                    .extracting(FakeTwitterApiIo.ListRequest::sinceTime)
                    .containsExactly(
                            firstSince,
                            firstSince,
                            firstSince,
                            Long.toString(T0.plus(Duration.ofMinutes(20))
                                    .plusSeconds(19)
                                    .getEpochSecond()));
            assertThat(sent.get(0).cursor()).isNull();
            assertThat(sent.get(1).cursor()).startsWith("p1.");
            assertThat(sent.get(2).cursor()).startsWith("p2.");
            assertThat(sent.get(3).cursor()).isNull();
            // the backlog (T0, +10m, +20m), then the newest page of the 40 posts of +30m and +40m
            assertThat(store.count()).isEqualTo(60 + 20);
            assertThat(api.returned()).doesNotHaveDuplicates();
            assertThat(billed()).isEqualTo(api.bill());
        }
    }

    @Test
    void outOfCreditsStopsThisReaderUntilCreditsReturnWhileAFeedIsStillRead() throws Exception {
        try (FakeTwitterApiIo api = fake(Duration.ofHours(1));
                FakeFeedServer feeds = new FakeFeedServer()) {
            feeds.feed("/feed.xml", FixtureFiles.bytes("feeds/blog_rss_zh.xml"), "\"v1\"");
            ReadBudget budget = budget();
            Source list = list(api, budget, 5);
            Source feed = new RssSource(
                    "feed:blog",
                    feeds.url("/feed.xml"),
                    FeedOrigin.NONE,
                    http,
                    new FeedParser(Map.of(), clock),
                    1 << 20,
                    clock);
            api.credits(0);
            clock.advance(Duration.ofMinutes(30));

            List<SourceResult> first = ingest.ingestOnce(List.of(list, feed));

            assertThat(first.get(0).outcome()).isEqualTo(SourceResult.Outcome.FAILED);
            assertThat(first.get(0).error()).contains("402");
            assertThat(first.get(1).outcome()).isEqualTo(SourceResult.Outcome.OK);
            assertThat(first.get(1).added()).isEqualTo(2);
            assertThat(budget.status().pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(6)));
            Health.Part health = OpsChecks.sources(new OpsStore(db, clock), List.of(), Duration.ofHours(6))
                    .parts(clock.instant())
                    .get(0);
            assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
            assertThat(health.reason()).contains("twitterapi-list:" + LIST + " failing");

            // rounds go on: the feed is asked each time, twitterapi.io not once until the probe
            for (int i = 0; i < 6; i++) {
                clock.advance(Duration.ofMinutes(30));
                List<SourceResult> round = ingest.ingestOnce(List.of(list, feed));
                assertThat(round.get(0).ok()).isFalse();
                assertThat(round.get(1).ok()).isTrue();
            }
            assertThat(api.paymentRequired()).isEqualTo(1);
            assertThat(api.listRequests()).isEmpty(); // the 402 was the only call
            assertThat(feeds.received()).hasSize(7);

            api.credits(Long.MAX_VALUE / 4); // recharged
            clock.advance(Duration.ofHours(4)); // past the probe time and the source's rest
            SourceResult back = ingest.ingestOnce(List.of(list, feed)).get(0);

            assertThat(back.outcome()).isEqualTo(SourceResult.Outcome.OK);
            assertThat(back.added()).isPositive();
            assertThat(budget.status().pausedUntil()).isNull();
            assertThat(billed()).isEqualTo(api.bill());
        }
    }

    @Test
    void aGarbagePageIsAClearErrorAndTheNextRoundReadsFromTheSamePointSoNothingIsLost() throws Exception {
        try (FakeTwitterApiIo api = fake(Duration.ofMinutes(10))) {
            TwitterApiIoListSource list = list(api, budget(), 5);
            clock.advance(Duration.ofMinutes(5));
            ingest.ingestOnce(List.of(list)); // the members' first 20 posts
            clock.advance(Duration.ofMinutes(24)); // 40 more: two pages
            api.answerCall(3, "<html>502 Bad Gateway</html>"); // the second of them is garbage

            SourceResult failed = ingest.ingestOnce(List.of(list)).get(0);

            assertThat(failed.outcome()).isEqualTo(SourceResult.Outcome.FAILED);
            assertThat(failed.error())
                    .isEqualTo("twitterapi.io sent an unreadable answer on /twitter/list/tweets:"
                            + " The twitterapi.io answer is not valid JSON.");
            assertThat(store.count()).isEqualTo(20);

            clock.advance(Duration.ofMinutes(5)); // past the first backoff; 20 more posts came
            SourceResult again = ingest.ingestOnce(List.of(list)).get(0);

            assertThat(again.outcome()).isEqualTo(SourceResult.Outcome.OK);
            assertThat(again.added()).isEqualTo(60);
            assertThat(store.count()).isEqualTo(80);
            List<FakeTwitterApiIo.ListRequest> sent = api.listRequests();
            assertThat(sent).hasSize(1 + 2 + 3);
            assertThat(sent.subList(1, 6))
                    .extracting(FakeTwitterApiIo.ListRequest::sinceTime)
                    .containsOnly(Long.toString(T0.plusSeconds(19).getEpochSecond()));
            assertThat(sent.get(2).cursor()).startsWith("p1.");
            assertThat(sent.get(3).cursor()).isNull(); // started over, not from the failed page
            assertThat(billed()).isEqualTo(api.bill()); // the bad answer billed its minimum on both sides
        }
    }

    @Test
    void anEmptyAnswerWithStatus200OrOneWithoutTweetsIsAFailureNotAnEmptyRound() throws Exception {
        try (FakeTwitterApiIo api = fake(Duration.ofHours(1))) {
            TwitterApiIoListSource list = list(api, budget(), 5);
            clock.advance(Duration.ofMinutes(30));
            api.answerCall(1, "");
            api.answerCall(2, "{\"status\":\"success\",\"msg\":\"ok\"}");

            SourceResult empty = ingest.ingestOnce(List.of(list)).get(0);
            clock.advance(Duration.ofMinutes(3));
            SourceResult noTweets = ingest.ingestOnce(List.of(list)).get(0);
            clock.advance(Duration.ofMinutes(5));
            SourceResult good = ingest.ingestOnce(List.of(list)).get(0);

            assertThat(empty.error()).endsWith("The twitterapi.io answer is not a JSON object.");
            assertThat(noTweets.error()).endsWith("The twitterapi.io answer has no tweets array.");
            assertThat(good.added()).isEqualTo(20);
            assertThat(api.listRequests())
                    .extracting(FakeTwitterApiIo.ListRequest::sinceTime)
                    .doesNotHaveDuplicates(); // each round still looks back from its own time: none advanced
            assertThat(billed()).isEqualTo(api.bill());
        }
    }
}
