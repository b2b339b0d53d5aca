package dev.aidigest.testing;

import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadCall;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.spend.Tariff;
import dev.aidigest.ingest.spend.Usd;
import dev.aidigest.store.Database;
import dev.aidigest.store.ReadLedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** An X API spend governor over the real ledger tables, with calls recorded as a reader would. */
public final class SpendFixtures {

    private SpendFixtures() {}

    /** $50 a month at the pay-per-use prices. */
    public static ReadBudget xBudget(Database db, Clock clock) {
        return new ReadBudget(
                "x-api",
                "X API",
                Usd.micros(50),
                Tariff.xPayPerUse(0.005, 0.01),
                Duration.ofHours(6),
                new ReadLedgerStore(db),
                clock);
    }

    public static ReadSpending spending(Database db, ReadBudget... budgets) {
        return new ReadSpending(List.of(budgets), new ReadLedgerStore(db));
    }

    /** One timeline page of {@code posts} posts (ids {@code from..}) by one author. */
    public static void page(ReadBudget budget, int from, int posts) {
        List<String> ids = java.util.stream.IntStream.range(from, from + posts)
                .mapToObj(Integer::toString)
                .toList();
        budget.record(new ReadCall("/2/users/:id/tweets", ids, List.of("783214")));
    }
}
