package dev.aidigest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.command.Archive;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.digest.Slot;
import dev.aidigest.testing.TestClock;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

class DigestScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theDefaultCronFiresAtEverySlotEndInShanghai() throws ParseException {
        CronExpression cron =
                new CronExpression(ScheduleSettings.defaults(SHANGHAI).digestCron());
        cron.setTimeZone(TimeZone.getTimeZone(SHANGHAI));
        Date t = Date.from(Instant.parse("2025-11-26T05:30:00Z")); // 13:30 in Shanghai
        List<String> fires = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            t = cron.getNextValidTimeAfter(t);
            fires.add(Slot.endingAtOrBefore(t.toInstant(), SHANGHAI).name());
        }
        assertThat(fires).containsExactly("2025.11.26.16", "2025.11.26.20", "2025.11.27.00", "2025.11.27.04");
    }

    @Test
    void missedSlotsWithinTheCatchUpWindowAreBuiltOldestFirstAndOnlyIfMissing() {
        TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:05Z")); // 16:00:05 Shanghai
        Set<String> stored = Set.of("2025.11.26.08");
        Archive archive = new Archive() {
            @Override
            public Optional<ArchivedDigest> latest(String kind) {
                return Optional.empty();
            }

            @Override
            public Optional<ArchivedDigest> bySlot(String kind, String slot) {
                return stored.contains(slot)
                        ? Optional.of(new ArchivedDigest(1, kind, slot, "", Instant.EPOCH, List.of(), List.of(), "x"))
                        : Optional.empty();
            }

            @Override
            public Optional<ArchivedDigest> byId(long id) {
                return Optional.empty();
            }
        };
        ScheduleSettings s = new ScheduleSettings(
                "t",
                Duration.ofMinutes(30),
                "0 0 0/4 * * ?",
                "",
                SHANGHAI,
                Duration.ofSeconds(10),
                4,
                Duration.ofSeconds(5));
        DigestJob job = new DigestJob(slot -> 1, archive, s, clock);
        assertThat(job.slotsToBuild())
                .extracting(Slot::name)
                .containsExactly("2025.11.26.04", "2025.11.26.12", "2025.11.26.16");
        ScheduleSettings one = new ScheduleSettings(
                "t",
                Duration.ofMinutes(30),
                "0 0 0/4 * * ?",
                "",
                SHANGHAI,
                Duration.ofSeconds(10),
                1,
                Duration.ofSeconds(5));
        assertThat(new DigestJob(slot -> 1, archive, one, clock).slotsToBuild())
                .extracting(Slot::name)
                .containsExactly("2025.11.26.16");
    }
}
