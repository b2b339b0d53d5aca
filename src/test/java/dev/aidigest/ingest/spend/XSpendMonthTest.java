package dev.aidigest.ingest.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceResult;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.ingest.x.XApiSource;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.store.Database;
import dev.aidigest.store.ReadLedgerStore;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.FakePayPerUseXApi;
import dev.aidigest.testing.InMemoryPostSink;
import dev.aidigest.testing.InMemorySourceStates;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A month of ingest against a pay-per-use X API that bills by its own count: the budget holds, the
 * ledger agrees with the bill, the other sources go on, and an out-of-credits answer stops reads
 * without a retry storm.
 */
class XSpendMonthTest {
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> HANDLES =
            IntStream.range(0, 10).mapToObj(i -> "acct" + i).toList();

    private final TestClock clock = new TestClock(MARCH);
    private final Database db = TestDb.h2();
    private final ReadLedgerStore ledger = new ReadLedgerStore(db);
    private final InMemoryPostSink sink = new InMemoryPostSink();
    private final IngestService ingest = new IngestService(
            Parsers.all(Map.of(), clock),
            sink,
            new FakeEmbedder(),
            new InMemorySourceStates(),
            clock,
            10L << 20,
            Duration.ofHours(24));
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private FakePayPerUseXApi x;

    @AfterEach
    void stop() {
        if (x != null) {
            x.close();
        }
        db.close();
    }

    private ReadBudget budget(double monthlyUsd) {
        ReadBudget b = new ReadBudget(
                "x-api",
                "X API",
                Usd.micros(monthlyUsd),
                Tariff.xPayPerUse(0.005, 0.01),
                Duration.ofHours(6),
                ledger,
                clock);
        b.tellOperators(notices::add);
        return b;
    }

    private XApiSource source(ReadBudget budget) {
        return new XApiSource(
                HttpClients.client("t", Duration.ofSeconds(5)),
                x.baseUrl(),
                "token",
                HANDLES,
                100,
                new XApiV2Parser(Map.of()),
                1 << 20,
                budget,
                clock);
    }

    @Test
    void aMonthOfReadsNeverPassesTheBudgetAndTheLedgerMatchesTheBill() throws Exception {
        // 10 accounts posting every 40 minutes: 360 posts a day, about $1.90 a day, $59 a month unmetered
        x = new FakePayPerUseXApi(clock, MARCH, HANDLES, Duration.ofMinutes(40));
        ReadBudget budget = budget(20.0);
        XApiSource xSource = source(budget);
        CountingSource feed = new CountingSource();
        List<SourceResult> refused = new ArrayList<>();
        int rounds = 0;
        Instant april2 = Instant.parse("2026-04-02T00:00:00Z");
        while (clock.instant().isBefore(april2)) {
            clock.advance(Duration.ofMinutes(60));
            List<SourceResult> results = ingest.ingestOnce(List.of(xSource, feed));
            results.stream()
                    .filter(r -> r.source().equals("x-api") && r.outcome() == SourceResult.Outcome.FAILED)
                    .forEach(refused::add);
            rounds++;
        }

        Map<LocalDate, Long> byDay = x.billByDay();
        long march = byDay.entrySet().stream()
                .filter(e -> e.getKey().getMonthValue() == 3)
                .mapToLong(Map.Entry::getValue)
                .sum();
        Instant aprilFirst = Instant.parse("2026-04-01T00:00:00Z");
        System.out.printf(
                "simulated month: %d rounds, %d X requests, March bill %s of budget $20.00, %d posts read,"
                        + " %d posts made, %d refused rounds, ledger %s%n",
                rounds,
                x.requests(),
                Usd.format(march),
                sink.posts().size(),
                x.postsMadeUntilNow(),
                refused.size(),
                Usd.format(ledger.totals("x-api", MARCH, aprilFirst).micros()));
        // the budget holds by the provider's own bill, and reads went on all month long
        assertThat(march).isLessThanOrEqualTo(Usd.micros(20.0)).isGreaterThan(Usd.micros(18.0));
        assertThat(byDay.keySet().stream().filter(d -> d.getMonthValue() == 3)).hasSize(31);
        // no day took much more than an even share: the budget is spread, not eaten by the first days
        assertThat(byDay.get(LocalDate.parse("2026-03-01"))).isLessThanOrEqualTo(Usd.micros(20.0 / 31) + 1);
        // the ledger's account is the bill, to the micro-dollar
        assertThat(ledger.totals("x-api", MARCH, aprilFirst).micros()).isEqualTo(march);
        assertThat(ledger.totals("x-api", MARCH, april2.plusSeconds(1)).micros())
                .isEqualTo(x.bill());
        // reads stopped when the day's share was used, the rest kept working every round
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.error()).contains("budget"));
        assertThat(feed.calls).isEqualTo(rounds);
        // the operators were told once in March and once in April
        assertThat(notices.stream().filter(n -> n.contains("预算"))).hasSize(2);
        // a new month has a new budget: April 1 read again
        assertThat(byDay.get(LocalDate.parse("2026-04-01"))).isPositive();
    }

    @Test
    void outOfCreditsStopsReadsUntilAProbeFindsCreditsBackWithoutARetryStorm() throws Exception {
        x = new FakePayPerUseXApi(clock, MARCH, HANDLES, Duration.ofMinutes(40));
        x.credits(Usd.micros(0.50));
        ReadBudget budget = budget(100.0);
        XApiSource xSource = source(budget);
        CountingSource feed = new CountingSource();

        // one day of rounds every 10 minutes: credits run out in the first hours
        for (int i = 0; i < 6 * 24; i++) {
            clock.advance(Duration.ofMinutes(10));
            ingest.ingestOnce(List.of(xSource, feed));
        }
        int afterDayOne = x.requests();
        long dayOneBill = x.bill();

        assertThat(dayOneBill).isLessThanOrEqualTo(Usd.micros(0.50) + Usd.micros(0.06));
        // the 402s: the first, then at most one probe every 6 hours until midnight
        assertThat(x.paymentRequired()).isBetween(1, 1 + 4);
        assertThat(notices.stream().filter(n -> n.contains("额度不足"))).hasSize(1);
        assertThat(feed.calls).isEqualTo(6 * 24);
        assertThat(budget.status().pausedUntil()).isNotNull();

        x.credits(Usd.micros(10));
        for (int i = 0; i < 6 * 7; i++) {
            clock.advance(Duration.ofMinutes(10));
            ingest.ingestOnce(List.of(xSource, feed));
        }

        assertThat(x.bill()).isGreaterThan(dayOneBill);
        assertThat(budget.status().pausedUntil()).isNull();
        assertThat(notices).anyMatch(n -> n.contains("额度已恢复"));
        System.out.printf(
                "out of credits: %d X requests on day one (144 rounds of 10 accounts), %d answered 402, bill %s%n",
                afterDayOne, x.paymentRequired(), Usd.format(dayOneBill));
    }

    /** Another source of the same round, which must go on whatever X does. */
    private static final class CountingSource implements Source {
        int calls;

        @Override
        public String name() {
            return "feed:other";
        }

        @Override
        public List<Post> fetch(SourceState state) {
            calls++;
            return List.of();
        }
    }
}
