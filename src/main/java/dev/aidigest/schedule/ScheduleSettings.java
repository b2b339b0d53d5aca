package dev.aidigest.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the jobs run.
 *
 * @param schedulerName  Quartz SCHED_NAME: nodes sharing a database and this name form one cluster
 * @param ingestEvery    the ingest interval ({@code ingest.interval_minutes})
 * @param digestCron     Quartz cron of the digest job, in {@code zone} ({@code AIDIGEST_DIGEST_CRON})
 * @param reportCron     Quartz cron of the daily report ({@code AIDIGEST_REPORT_CRON})
 * @param deliveryPoll   on PostgreSQL, the longest the delivery loop sleeps with nothing due (a publish
 *                       wakes it by NOTIFY; H2, with nothing to announce it, looks every second)
 * @param catchUpSlots   on each digest run, slots up to this many back that have no digest yet are
 *                       built too (1 = only the current one): what a restart after downtime produces
 * @param shutdownGrace  how long a stop waits for running jobs before giving up on them
 */
public record ScheduleSettings(
        String schedulerName,
        Duration ingestEvery,
        String digestCron,
        String reportCron,
        ZoneId zone,
        Duration deliveryPoll,
        int catchUpSlots,
        Duration shutdownGrace) {

    public ScheduleSettings {
        Objects.requireNonNull(schedulerName, "schedulerName");
        Objects.requireNonNull(digestCron, "digestCron");
        Objects.requireNonNull(zone, "zone");
        if (catchUpSlots < 1) {
            throw new IllegalArgumentException("catchUpSlots counts the current slot: at least 1");
        }
    }

    public static ScheduleSettings defaults(ZoneId zone) {
        return new ScheduleSettings(
                "aidigest",
                Duration.ofMinutes(30),
                "0 0 0/4 * * ?",
                "0 5 8 * * ?",
                zone,
                Duration.ofSeconds(10),
                1,
                Duration.ofSeconds(60));
    }
}
