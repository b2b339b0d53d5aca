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
 * One {@code serve} node in its own process for the cluster benchmarks: args are the JDBC URL (the
 * local PostgreSQL, or an H2 file URL) and the Bot API URL. Delivery settings are the product's
 * defaults; the digest job never fires (the benchmark publishes from outside, like
 * {@code digest --publish}).
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0], args[0].startsWith("jdbc:postgresql:") ? TestDatabases.PG_USER : "", "");
        ScheduleSettings s = new ScheduleSettings(
                "clusterbench",
                Duration.ofMinutes(30),
                "0 0 0 1 1 ? 2099",
                "",
                ZoneId.of("Asia/Shanghai"),
                Duration.ofSeconds(10),
                1,
                Duration.ofSeconds(10));
        ServeWiring.serve(ServeWiring.Inputs.of(
                                TestConfigs.telegram(args[1], ""),
                                s,
                                db,
                                () -> {},
                                slot -> {
                                    throw new IllegalStateException("not in this benchmark");
                                },
                                ReportRun.NONE,
                                Clock.systemUTC())
                        .withDelivery(DeliverySettings.defaults()))
                .run();
        db.close();
    }
}
