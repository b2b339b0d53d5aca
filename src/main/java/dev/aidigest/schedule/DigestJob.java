package dev.aidigest.schedule;

import dev.aidigest.command.Archive;
import dev.aidigest.digest.Slot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At each slot end: build the slot's digest and publish it. Slots before it (up to
 * {@code catchUpSlots}) that have no digest, because the process was down, are built and published
 * first, once: after that they exist. Quartz fires a missed trigger once on restart (fire-and-proceed).
 */
@DisallowConcurrentExecution
final class DigestJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DigestRun digests;
    private final Archive archive;
    private final ScheduleSettings settings;
    private final Clock clock;

    DigestJob(DigestRun digests, Archive archive, ScheduleSettings settings, Clock clock) {
        this.digests = digests;
        this.archive = archive;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        for (Slot slot : slotsToBuild()) {
            try {
                digests.runSlot(slot);
                log.info("digest {} built and published", slot);
            } catch (dev.aidigest.edition.EditionWithheld e) {
                log.warn(e.getMessage()); // nothing goes out; /healthz says why
            } catch (RuntimeException e) {
                log.warn("digest {} failed", slot, e);
            }
        }
    }

    /** Oldest first: missing earlier slots within the catch-up window, then the current one. */
    List<Slot> slotsToBuild() {
        Slot current = Slot.endingAtOrBefore(clock.instant(), settings.zone());
        List<Slot> out = new ArrayList<>();
        Slot s = current;
        for (int i = 1; i < settings.catchUpSlots(); i++) {
            s = s.previous();
            if (archive.bySlot("digest", s.name()).isEmpty()) {
                out.add(0, s);
            }
        }
        out.add(current);
        return out;
    }
}
