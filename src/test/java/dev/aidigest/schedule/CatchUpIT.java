package dev.aidigest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.ServeWiring;
import dev.aidigest.store.Database;
import dev.aidigest.testing.SlotDigests;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A slot whose time passed while serve was down is produced once when it starts again. */
class CatchUpIT {

    @Test
    void aDigestMissedWhileDownIsMadeOnceOnRestart() throws Exception {
        Path dir = Files.createTempDirectory("catchup");
        String url = "jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Database db = Database.open(url, "sa", "");
        // fires once a minute, at a second ~8 s from now: the first serve stops before it
        ZonedDateTime fireAt = ZonedDateTime.now(zone).plusSeconds(8);
        int second = fireAt.getSecond();
        ScheduleSettings s = new ScheduleSettings(
                "catchup",
                Duration.ofMinutes(30),
                second + " * * * * ?",
                "",
                zone,
                Duration.ofSeconds(30),
                1,
                Duration.ofSeconds(5));
        SlotDigests first = new SlotDigests(db, 3, 50);
        Serve a = ServeWiring.serve(TestConfigs.noChat(), s, db, () -> {}, first, ReportRun.NONE, Clock.systemUTC());
        a.start();
        a.stop();
        db.close();
        assertThat(first.runs).isEmpty();

        assertThat(ZonedDateTime.now(zone)).isBefore(fireAt);
        // the fire time passes while no serve runs, by more than the 5 s misfire threshold
        Thread.sleep(Duration.between(ZonedDateTime.now(zone), fireAt).toMillis() + 7_000);

        Database db2 = Database.open(url, "sa", "");
        SlotDigests second2 = new SlotDigests(db2, 3, 50);
        Serve b = ServeWiring.serve(TestConfigs.noChat(), s, db2, () -> {}, second2, ReportRun.NONE, Clock.systemUTC());
        try {
            b.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> second2.runs.size() == 1);
            Thread.sleep(2000);
            assertThat(second2.runs).hasSize(1);
            assertThat(TestDb.column(db2, "SELECT count(*) FROM digest")).containsExactly("1");
        } finally {
            b.stop();
            db2.close();
        }
    }
}
