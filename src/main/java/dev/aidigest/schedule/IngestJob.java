package dev.aidigest.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every N minutes: fetch the sources. A failure is logged; the next run tries again. */
@DisallowConcurrentExecution
final class IngestJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(IngestJob.class);
    private final IngestRun ingest;

    IngestJob(IngestRun ingest) {
        this.ingest = ingest;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            ingest.runOnce();
        } catch (RuntimeException e) {
            log.warn("ingest run failed", e);
        }
    }
}
