package dev.aidigest.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Hands Quartz our job instances, built with their dependencies (no reflection, no statics). */
final class Jobs implements JobFactory {

    private final IngestJob ingest;
    private final DigestJob digest;
    private final ReportJob report;

    Jobs(IngestJob ingest, DigestJob digest, ReportJob report) {
        this.ingest = ingest;
        this.digest = digest;
        this.report = report;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type == IngestJob.class) {
            return ingest;
        }
        if (type == DigestJob.class) {
            return digest;
        }
        if (type == ReportJob.class) {
            return report;
        }
        throw new SchedulerException("unknown job " + type.getName());
    }
}
