package dev.aidigest.testing;

import dev.aidigest.ServeWiring;
import dev.aidigest.delivery.DeliverySettings;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code serve} in its own process for the SIGKILL tests: args are the JDBC URL (PostgreSQL or an H2
 * file) and the Bot API URL.
 * The digest job never fires (the test publishes from outside, like {@code digest --publish}).
 */
public final class ServeMain {

    private ServeMain() {}

    public static void main(String[] args) throws Exception {
        // an H2 file database here is made by the test with the empty user
        Database db = Database.open(args[0], args[0].startsWith("jdbc:h2:") ? "" : TestDatabases.PG_USER, "");
        ScheduleSettings s = new ScheduleSettings(
                "killtest",
                Duration.ofMinutes(30),
                "0 0 0 1 1 ? 2099",
                "",
                ZoneId.of("Asia/Shanghai"),
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(10));
        DeliverySettings delivery =
                new DeliverySettings(10, Duration.ofSeconds(5), Duration.ofMillis(1050), 8, Duration.ofSeconds(2));
        ServeWiring.serve(ServeWiring.Inputs.of(
                                TestConfigs.telegram(args[1], ""),
                                s,
                                db,
                                () -> {},
                                slot -> {
                                    throw new IllegalStateException("not in this test");
                                },
                                ReportRun.NONE,
                                Clock.systemUTC())
                        .withDelivery(delivery))
                .run();
        db.close();
        System.exit(0); // as App does: a library thread left running must not keep the process alive
    }
}
