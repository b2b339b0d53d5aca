package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.config.AppConfig;
import dev.aidigest.digest.Slot;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.schedule.Serve;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.SlotDigests;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Lark custom group bot named only in configuration is subscribed by serve and gets each digest once. */
class PushOnlyHooksIT {

    static final String TOKEN = "5f0e2c1a-7b3d-4e8f-9a6b-1c2d3e4f5a6b";
    final FakeLarkOpenApi lark = new FakeLarkOpenApi();
    final Database db = TestDb.h2();
    final Clock clock = Clock.systemUTC();
    final ZoneId zone = ZoneId.of("Asia/Shanghai");
    Serve serve;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.stop();
        }
        lark.close();
        db.close();
    }

    @Test
    void aConfiguredCustomBotIsSubscribedAndGetsThePublishedDigestOnce() throws Exception {
        String hook = lark.hook(TOKEN, "hook-secret");
        AppConfig.LarkConfig lc = new AppConfig.LarkConfig(
                "", "", lark.url(), "", "", null, List.of(new AppConfig.LarkConfig.CustomBot(hook, "hook-secret")));
        AppConfig config = TestConfigs.chat(null, lc, null);
        ScheduleSettings s = new ScheduleSettings(
                "it-" + UUID.randomUUID(),
                Duration.ofMinutes(30),
                "0 0 0 1 1 ? 2099",
                "",
                zone,
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(10));
        SlotDigests digests = new SlotDigests(db, 3, 120);
        serve = ServeWiring.serve(config, s, db, () -> {}, digests, ReportRun.NONE, clock);
        serve.start();

        long id = digests.runSlot(Slot.endingAtOrBefore(Instant.now(), zone));
        assertThat(ServeWiring.outbox(db, clock).publish(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !lark.sentTo("hook:" + TOKEN).isEmpty());
        assertThat(ServeWiring.outbox(db, clock).publish(id)).isZero();
        // the fake checks the signature (a wrong secret is refused with 19021), so arriving means it was signed
        assertThat(lark.sentTo("hook:" + TOKEN).get(0).get("content")).isNotNull();
    }
}
