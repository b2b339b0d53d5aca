package dev.aidigest.ingest.twitterapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.Tariff;
import dev.aidigest.ingest.spend.Usd;
import dev.aidigest.store.Database;
import dev.aidigest.store.ReadLedgerStore;
import dev.aidigest.testing.FakeTwitterApiIo;
import dev.aidigest.testing.InMemorySourceStates;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwitterApiIoSearchSourceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final List<String> HANDLES =
            IntStream.range(0, 60).mapToObj(i -> "account_" + i).toList();
    private final TestClock clock = new TestClock(T0);
    private final Database db = TestDb.h2();
    private final ReadLedgerStore ledger = new ReadLedgerStore(db);
    private final InMemorySourceStates.State state = new InMemorySourceStates().of("twitterapi");

    @AfterEach
    void close() {
        db.close();
    }

    private ReadBudget budget(double usd) {
        return new ReadBudget(
                "twitterapi",
                "twitterapi.io",
                Usd.micros(usd),
                new Tariff(150, 0, 150, false),
                Duration.ofHours(6),
                ledger,
                clock);
    }

    private TwitterApiIoSearchSource source(FakeTwitterApiIo api, ReadBudget budget) {
        return source(api, budget, 5);
    }

    private TwitterApiIoSearchSource source(FakeTwitterApiIo api, ReadBudget budget, int maxPages) {
        return new TwitterApiIoSearchSource(
                HttpClients.client("t", Duration.ofSeconds(5)),
                api.baseUrl(),
                "test-key",
                HANDLES,
                500,
                maxPages,
                Map.of("account_7", "七号"),
                1 << 20,
                budget,
                clock);
    }

    @Test
    void manyAccountsAreBatchedIntoFewQueriesWithinTheLengthLimitAndEveryPostArrivesBilledLikeTheProvider()
            throws Exception {
        try (FakeTwitterApiIo api = new FakeTwitterApiIo(clock, T0, HANDLES, Duration.ofHours(2))) {
            ReadBudget budget = budget(10);
            TwitterApiIoSearchSource source = source(api, budget);
            Set<String> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            int rounds = 8; // 4 hours of 30-minute rounds
            for (int i = 0; i < rounds; i++) {
                clock.advance(Duration.ofMinutes(30));
                for (Post p : source.fetch(state)) {
                    ids.add(p.platformId());
                    names.add(p.authorName());
                }
            }

            List<String> queries = api.queries();
            int batches = TwitterApiIoSearchSource.batches(HANDLES, 500).size();
            System.out.printf(
                    "twitterapi.io: 60 accounts in %d queries per round, %d calls in %d rounds, %d posts, bill %s%n",
                    batches, queries.size(), rounds, ids.size(), Usd.format(api.bill()));
            assertThat(batches).isBetween(3, 4);
            assertThat(queries).allSatisfy(q -> assertThat(q.length()).isLessThanOrEqualTo(500));
            assertThat(queries.get(0))
                    .startsWith("from:account_0 OR from:account_1 OR")
                    .contains(" since_time:");
            // every account's posts of those 4 hours: 60 accounts, one post each 2 hours, 2 posts each
            assertThat(ids).hasSize(60 * 2 + 1); // and account_0 posted again at the last second
            assertThat(names).contains("七号", "Name account_0");
            // one call per batch and round, and one more page where a batch had more than 20
            assertThat(queries.size()).isBetween(rounds * batches, rounds * batches + 2 * batches);
            assertThat(ledger.totals("twitterapi", T0, clock.instant().plusSeconds(1))
                            .micros())
                    .isEqualTo(api.bill());
        }
    }

    @Test
    void paginationFollowsTheCursorOfABusyBatch() throws Exception {
        try (FakeTwitterApiIo api = new FakeTwitterApiIo(clock, T0, HANDLES, Duration.ofMinutes(10))) {
            TwitterApiIoSearchSource source = source(api, budget(10));
            clock.advance(Duration.ofMinutes(30));
            source.fetch(state);
            int first = api.queries().size();
            clock.advance(Duration.ofMinutes(30)); // 3 posts per account: 60 or so per batch, 3-4 pages

            List<Post> posts = source.fetch(state);

            assertThat(posts).hasSize(60 * 3);
            assertThat(api.queries().size() - first)
                    .isGreaterThan(
                            TwitterApiIoSearchSource.batches(HANDLES, 500).size());
        }
    }

    @Test
    void aBusyBatchWithMorePagesThanARoundReadsIsFinishedFromItsCursorWithoutGapsOrRereads() throws Exception {
        try (FakeTwitterApiIo api = new FakeTwitterApiIo(clock, T0, HANDLES, Duration.ofMinutes(10))) {
            TwitterApiIoSearchSource source = source(api, budget(10), 1); // one page per batch and round
            Set<String> ids = new HashSet<>();
            List<String> got = new java.util.ArrayList<>();
            clock.advance(Duration.ofMinutes(30)); // 3 posts per account: 3-4 pages per batch
            for (int round = 0; round < 6; round++) {
                for (Post p : source.fetch(state)) {
                    ids.add(p.platformId());
                    got.add(p.platformId());
                }
            }

            assertThat(got).as("nothing read twice").doesNotHaveDuplicates();
            assertThat(ids)
                    .as("every post of the busy half hour, over the rounds")
                    .hasSize(60 * 3 + 1);
            assertThat(ledger.totals("twitterapi", T0, clock.instant().plusSeconds(1))
                            .micros())
                    .isEqualTo(api.bill());
        }
    }

    @Test
    void outOfCreditsStopsTheReaderWithoutRetryingAndTheBudgetIsNeverPassed() throws Exception {
        try (FakeTwitterApiIo api = new FakeTwitterApiIo(clock, T0, HANDLES, Duration.ofMinutes(10))) {
            api.credits(6000); // batches of 25 accounts: the first batch (2 pages) and a page of the second
            ReadBudget budget = budget(10);
            TwitterApiIoSearchSource source = source(api, budget);
            clock.advance(Duration.ofMinutes(5)); // one post per account
            List<Post> before = source.fetch(state); // the second batch gets 402

            assertThatThrownBy(() -> source.fetch(state))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.retryAfter())
                            .isEqualTo(clock.instant().plus(Duration.ofHours(6))));
            assertThat(before).isNotEmpty();
            assertThat(api.paymentRequired()).isEqualTo(1);
            assertThat(budget.status().pausedUntil()).isNotNull();

            // a tiny budget: a whole page's worst case ($0.003) must fit before a call is made
            InMemorySourceStates.State other = new InMemorySourceStates().of("twitterapi");
            ReadBudget tiny = new ReadBudget(
                    "tiny",
                    "twitterapi.io",
                    31 * 3000,
                    new Tariff(150, 0, 150, false),
                    Duration.ofHours(6),
                    ledger,
                    clock);
            TwitterApiIoSearchSource cheap = new TwitterApiIoSearchSource(
                    HttpClients.client("t", Duration.ofSeconds(5)),
                    api.baseUrl(),
                    "k",
                    HANDLES,
                    500,
                    5,
                    Map.of(),
                    1 << 20,
                    tiny,
                    clock);
            api.credits(Long.MAX_VALUE / 4);
            try {
                cheap.fetch(other);
            } catch (SourceException e) {
                assertThat(e.getMessage()).contains("budget");
            }
            assertThat(ledger.totals("tiny", T0, clock.instant().plusSeconds(1)).micros())
                    .isLessThanOrEqualTo(3000);
        }
    }
}
