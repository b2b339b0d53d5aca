package dev.aidigest.ingest.setup;

import dev.aidigest.config.AppConfig;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.spend.SpendLedger;
import dev.aidigest.ingest.spend.Tariff;
import dev.aidigest.ingest.spend.Usd;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The spend governors of the paid readers the configuration switches on (X API, twitterapi.io). */
public final class PaidReaders {

    public static final String X_API = "x-api";
    public static final String TWITTERAPI = "twitterapi";

    private PaidReaders() {}

    public static ReadSpending from(AppConfig app, SpendLedger ledger, Clock clock) {
        AppConfig.XConfig x = app.x();
        if (x == null) {
            return ReadSpending.NONE;
        }
        List<ReadBudget> budgets = new ArrayList<>();
        Duration probe = Duration.ofHours(x.creditProbeHours());
        if (x.enabled()) {
            budgets.add(new ReadBudget(
                    X_API,
                    "X API",
                    Usd.micros(x.monthlyBudgetUsd()),
                    Tariff.xPayPerUse(x.prices().postReadUsd(), x.prices().userReadUsd()),
                    probe,
                    ledger,
                    clock));
        }
        AppConfig.TwitterApiIoConfig t = x.twitterapiIo();
        if (t.enabled()) {
            budgets.add(new ReadBudget(
                    TWITTERAPI,
                    "twitterapi.io",
                    Usd.micros(t.monthlyBudgetUsd()),
                    new Tariff(Usd.micros(t.tweetUsd()), 0, Usd.micros(t.minCallUsd()), false),
                    probe,
                    ledger,
                    clock));
        }
        return budgets.isEmpty() ? ReadSpending.NONE : new ReadSpending(budgets, ledger);
    }

    /** The governor of {@code provider}, or null when that reader is off. */
    public static ReadBudget budget(ReadSpending spending, String provider) {
        return spending.budgets().stream()
                .filter(b -> b.provider().equals(provider))
                .findFirst()
                .orElse(null);
    }
}
