package dev.aidigest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.TriggerKey;

class QuartzScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static ScheduleSettings settings(String name, String digestCron) {
        return new ScheduleSettings(
                name,
                Duration.ofMinutes(30),
                digestCron,
                "0 30 8 * * ?",
                SHANGHAI,
                Duration.ofSeconds(10),
                1,
                Duration.ofSeconds(5));
    }

    /** Nodes of a cluster start together: each looks for the triggers and stores the missing ones. */
    @Test
    void nodesInstallingAtTheSameMomentAllStart() throws Exception {
        int rounds = 15;
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < rounds; round++) {
                Database db = TestDb.h2();
                QuartzSchedule schedule = new QuartzSchedule(
                        db.dataSource(),
                        settings("install-" + round, "0 0 0/4 * * ?"),
                        new Jobs(null, null, null),
                        false);
                try {
                    CyclicBarrier together = new CyclicBarrier(nodes);
                    List<Future<?>> installs = new ArrayList<>();
                    for (int n = 0; n < nodes; n++) {
                        installs.add(pool.submit(() -> {
                            together.await();
                            schedule.install();
                            return null;
                        }));
                    }
                    for (Future<?> f : installs) {
                        f.get(30, TimeUnit.SECONDS); // throws if any install failed
                    }
                    assertThat(schedule.scheduler().getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.anyGroup()))
                            .extracting(TriggerKey::getName)
                            .containsExactlyInAnyOrder("ingest", "digest", "report");
                } finally {
                    schedule.scheduler().shutdown();
                    db.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChangedScheduleReplacesTheTriggerAndAnUnchangedOneKeepsIt() throws Exception {
        Database db = TestDb.h2();
        QuartzSchedule first = new QuartzSchedule(
                db.dataSource(), settings("keep", "0 0 0/4 * * ?"), new Jobs(null, null, null), false);
        try {
            first.install();
            TriggerKey digest = new TriggerKey("digest", "aidigest");
            java.util.Date next = first.scheduler().getTrigger(digest).getNextFireTime();
            first.install();
            assertThat(first.scheduler().getTrigger(digest).getNextFireTime()).isEqualTo(next);
        } finally {
            first.scheduler().shutdown();
        }
        QuartzSchedule changed = new QuartzSchedule(
                db.dataSource(), settings("keep", "0 0 0/6 * * ?"), new Jobs(null, null, null), false);
        try {
            changed.install();
            assertThat(((CronTrigger) changed.scheduler().getTrigger(new TriggerKey("digest", "aidigest")))
                            .getCronExpression())
                    .isEqualTo("0 0 0/6 * * ?");
        } finally {
            changed.scheduler().shutdown();
            db.close();
        }
    }
}
