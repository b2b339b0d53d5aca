package dev.aidigest.schedule;

import dev.aidigest.delivery.DeliveryWorker;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox. On shutdown it finishes and records the message in flight, releases the rest
 * of its claim and returns, so the scheduler can stop without a half-done job.
 */
@DisallowConcurrentExecution
final class DeliveryJob implements InterruptableJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

    private final DeliveryWorker worker;
    private final AtomicBoolean stopping = new AtomicBoolean();

    DeliveryJob(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            int sent = worker.drain(() -> !stopping.get());
            if (sent > 0) {
                log.info("delivery: {} message(s) sent", sent);
            }
        } catch (RuntimeException e) {
            log.warn("delivery run failed", e);
        }
    }

    /** Stop after the message in flight (also called by Serve before the scheduler shuts down). */
    @Override
    public void interrupt() {
        stopping.set(true);
    }
}
