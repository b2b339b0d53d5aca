package dev.aidigest.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.store.Database;
import dev.aidigest.testing.SpendFixtures;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusSpendTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T08:00:00Z"));
    private final Database db = TestDb.h2();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void statusShowsTodaysAndThisMonthsXReadsAndCost() {
        ReadBudget x = SpendFixtures.xBudget(db, clock);
        SpendFixtures.page(x, 1, 10); // 10 posts + 1 user: $0.06
        clock.advance(Duration.ofDays(1));
        SpendFixtures.page(x, 1, 4); // a new day charges the same posts again: $0.03
        SpendFixtures.page(x, 1, 4); // the same day does not: $0
        StatusCommand status = new StatusCommand(
                CommandCatalog.load(),
                new CommandFakes.FakeSubscriptions(),
                new CommandFakes.FakeFollows(),
                SpendFixtures.spending(db, x));

        String text = status.handle(new CommandRequest(
                        new ChatRef("telegram", "42", ChatRef.Kind.PRIVATE), "7", "", 1, () -> true, "zh"))
                .plainText();

        assertThat(text).contains("X API 读取：今日 8 条 $0.03，本月 18 条 $0.09 / 预算 $50.00");
    }
}
