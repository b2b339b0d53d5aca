package dev.aidigest.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz over the application database (JDBC job store, clustered so several nodes share the work
 * and each slot is made once). Triggers are created on first start and kept across restarts, so a
 * slot whose time passed while the process was down misfires and is fired once on restart.
 */
final class QuartzSchedule {

    private static final Logger log = LoggerFactory.getLogger(QuartzSchedule.class);
    static final JobKey INGEST = new JobKey("ingest", "aidigest");
    static final JobKey DIGEST = new JobKey("digest", "aidigest");
    /** Delivery ran as a Quartz job once (on one node at a time); it is a loop on every node now. */
    static final JobKey OLD_DELIVERY = new JobKey("delivery", "aidigest");

    static final JobKey REPORT = new JobKey("report", "aidigest");

    private final Scheduler scheduler;
    private final ScheduleSettings settings;

    QuartzSchedule(DataSource dataSource, ScheduleSettings settings, Jobs jobs, boolean postgres)
            throws SchedulerException {
        this.settings = settings;
        String ds = "aidigest-" + settings.schedulerName();
        DBConnectionManager.getInstance().addConnectionProvider(ds, new DataSourceConnections(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.schedulerName());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // PostgreSQLDelegate reads BYTEA with getBytes, which H2 does too (V3 declares BYTEA on both).
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", ds);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        StdSchedulerFactory factory = new StdSchedulerFactory(p);
        this.scheduler = factory.getScheduler();
        scheduler.setJobFactory(jobs);
    }

    /** Creates the jobs and triggers, keeping triggers whose schedule did not change (and so their misfires). */
    void install() throws SchedulerException {
        job(INGEST, IngestJob.class);
        job(DIGEST, DigestJob.class);
        job(REPORT, ReportJob.class);
        every(INGEST, settings.ingestEvery());
        if (scheduler.checkExists(OLD_DELIVERY)) {
            scheduler.deleteJob(OLD_DELIVERY);
        }
        cron(DIGEST, settings.digestCron());
        if (settings.reportCron() != null && !settings.reportCron().isBlank()) {
            cron(REPORT, settings.reportCron());
        }
    }

    private void job(JobKey key, Class<? extends org.quartz.Job> type) throws SchedulerException {
        JobDetail detail =
                JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
        scheduler.addJob(detail, true);
    }

    private void every(JobKey job, Duration interval) throws SchedulerException {
        Trigger t = TriggerBuilder.newTrigger()
                .withIdentity(job.getName(), job.getGroup())
                .forJob(job)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        schedule(t, existing -> existing instanceof SimpleTrigger s && s.getRepeatInterval() == interval.toMillis());
    }

    private void cron(JobKey job, String expression) throws SchedulerException {
        TimeZone zone = TimeZone.getTimeZone(settings.zone());
        Trigger t = TriggerBuilder.newTrigger()
                .withIdentity(job.getName(), job.getGroup())
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                        .inTimeZone(zone)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        schedule(
                t,
                existing -> existing instanceof CronTrigger c
                        && c.getCronExpression().equals(expression)
                        && Objects.equals(c.getTimeZone().getID(), zone.getID()));
    }

    /**
     * Stores {@code t} unless a trigger with the same schedule is there. Nodes of a cluster install at the
     * same moment: when another node stored the trigger between our look and our insert, its trigger is
     * looked at again instead of failing the start.
     */
    private void schedule(Trigger t, Predicate<Trigger> sameSchedule) throws SchedulerException {
        for (int attempt = 1; ; attempt++) {
            Trigger existing = scheduler.getTrigger(t.getKey());
            if (existing != null && sameSchedule.test(existing)) {
                return;
            }
            if (existing != null) {
                log.info("schedule of {} changed; replacing its trigger", t.getKey());
                scheduler.rescheduleJob(t.getKey(), t);
                return;
            }
            try {
                scheduler.scheduleJob(t);
                return;
            } catch (ObjectAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    void start() throws SchedulerException {
        scheduler.start();
    }

    /** No new fires; waits for running jobs to finish. */
    void shutdown() throws SchedulerException {
        scheduler.standby();
        scheduler.shutdown(true);
    }

    Scheduler scheduler() {
        return scheduler;
    }
}
