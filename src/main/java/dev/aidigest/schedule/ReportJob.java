package dev.aidigest.schedule;

import dev.aidigest.delivery.Outbox;
import java.time.Clock;
import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily report of yesterday (built by a {@link ReportRun}); published like a digest. */
@DisallowConcurrentExecution
final class ReportJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ReportJob.class);

    private final ReportRun reports;
    private final Outbox outbox;
    private final ScheduleSettings settings;
    private final Clock clock;

    ReportJob(ReportRun reports, Outbox outbox, ScheduleSettings settings, Clock clock) {
        this.reports = reports;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        LocalDate yesterday = LocalDate.now(clock.withZone(settings.zone())).minusDays(1);
        try {
            reports.runDate(yesterday).ifPresent(outbox::publish);
        } catch (dev.aidigest.edition.EditionWithheld e) {
            log.info(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("report {} failed", yesterday, e);
        }
    }
}
