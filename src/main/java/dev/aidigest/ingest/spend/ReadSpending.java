package dev.aidigest.ingest.spend;

import java.time.Instant;
import java.util.List;

/**
 * The paid readers that are configured, for those who show what reading costs: {@code /status},
 * {@code /healthz}, {@code /metrics} and the digest's coverage line.
 */
public final class ReadSpending {

    /** No paid reader configured: nothing to show. */
    public static final ReadSpending NONE = new ReadSpending(List.of(), null);

    private final List<ReadBudget> budgets;
    private final SpendLedger ledger;

    public ReadSpending(List<ReadBudget> budgets, SpendLedger ledger) {
        this.budgets = List.copyOf(budgets);
        this.ledger = ledger;
    }

    public boolean any() {
        return !budgets.isEmpty();
    }

    public List<ReadBudget> budgets() {
        return budgets;
    }

    public List<ReadBudget.Status> statuses() {
        return budgets.stream().map(ReadBudget::status).toList();
    }

    /** Every paid reader's calls in {@code [from, to)}, added up. */
    public ReadTotals between(Instant from, Instant to) {
        ReadTotals sum = ReadTotals.ZERO;
        for (ReadBudget b : budgets) {
            sum = sum.plus(ledger.totals(b.provider(), from, to));
        }
        return sum;
    }
}
