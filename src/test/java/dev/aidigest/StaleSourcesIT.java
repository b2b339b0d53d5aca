package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.config.AppConfig;
import dev.aidigest.edition.Freshness;
import dev.aidigest.schedule.DigestRun;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.schedule.Serve;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the sources have gone quiet, serve withholds the digest and tells the operators' chat. */
class StaleSourcesIT {

    static final long OPS = -1009876543210L;
    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final Database db = TestDb.h2();
    Serve serve;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.stop();
        }
        api.close();
        db.close();
    }

    @Test
    void aStaleSlotAlertsTheOperatorsAndPublishesNothing() throws Exception {
        Freshness freshness = new Freshness(() -> Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(12));
        AtomicInteger built = new AtomicInteger();
        DigestRun run = slot -> {
            freshness.check(slot);
            return built.incrementAndGet();
        };
        AppConfig config = TestConfigs.chat(
                new AppConfig.TelegramConfig(FakeTelegramBotApi.TOKEN, api.url(), "", ""),
                null,
                new AppConfig.HealthConfig(12, List.of("telegram:" + OPS)));
        ScheduleSettings s = new ScheduleSettings(
                "it-" + UUID.randomUUID(),
                Duration.ofMinutes(30),
                "0/3 * * * * ?",
                "",
                ZoneId.of("Asia/Shanghai"),
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(10));
        serve = ServeWiring.serve(config, s, db, () -> {}, run, ReportRun.NONE, Clock.systemUTC());
        serve.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> !api.sentTo(OPS).isEmpty());
        assertThat(api.sentTo(OPS).get(0).get("text").asText())
                .contains("not made")
                .contains("newest post");
        assertThat(built).hasValue(0);
        assertThat(TestDb.column(db, "SELECT COUNT(*) FROM outbox")).containsExactly("0");
    }
}
