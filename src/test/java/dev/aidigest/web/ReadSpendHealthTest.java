package dev.aidigest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.store.Database;
import dev.aidigest.store.OpsStore;
import dev.aidigest.testing.SpendFixtures;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadSpendHealthTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T08:00:00Z"));
    private final Database db = TestDb.h2();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void healthAndMetricsShowTodaysAndThisMonthsUseCostAndAPause() {
        ReadBudget x = SpendFixtures.xBudget(db, clock);
        SpendFixtures.page(x, 1, 10);
        x.outOfCredits("HTTP 402 on /2/users/1/tweets");
        ReadSpending reads = SpendFixtures.spending(db, x);

        JsonNode health = new ReadSpendHealth(reads).report().path("x-api");
        ServeMetrics metrics = new ServeMetrics(new OpsStore(db), clock);
        metrics.watchReads(reads);
        String scrape = metrics.scrape();

        assertThat(health.path("today").path("posts").asLong()).isEqualTo(10);
        assertThat(health.path("month").path("cost_usd").asDouble()).isEqualTo(0.06);
        assertThat(health.path("budget_usd").asDouble()).isEqualTo(50.0);
        assertThat(health.path("reading").asBoolean()).isFalse();
        assertThat(health.path("paused_until").asText()).isEqualTo("2026-03-10T14:00:00Z");
        assertThat(scrape)
                .contains("aidigest_x_posts_read{period=\"today\",provider=\"x-api\"} 10.0")
                .contains("aidigest_x_cost_usd{period=\"month\",provider=\"x-api\"} 0.06")
                .contains("aidigest_x_budget_usd{provider=\"x-api\"} 50.0")
                .contains("aidigest_x_reads_paused{provider=\"x-api\"} 1.0");
    }
}
