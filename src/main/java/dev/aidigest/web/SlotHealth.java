package dev.aidigest.web;

import dev.aidigest.command.Archive;
import dev.aidigest.digest.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The last ended slot's digest on /healthz: made (stored), withheld and why (this process decided
 * not to make it: no posts, or the sources look dead), still due shortly after the slot's end, or
 * missing.
 */
public final class SlotHealth implements Health.Check {

    /** How long after a slot's end its digest may still be in the making. */
    static final Duration DUE = Duration.ofMinutes(30);

    private final Archive archive;
    private final ZoneId zone;
    private volatile String withheldSlot;
    private volatile String withheldWhy;

    public SlotHealth(Archive archive, ZoneId zone) {
        this.archive = archive;
        this.zone = zone;
    }

    /** The digest of {@code slot} was not made, for {@code why}. */
    public void withheld(String slot, String why) {
        withheldWhy = why;
        withheldSlot = slot;
    }

    @Override
    public List<Health.Part> parts(Instant now) {
        Slot last = Slot.endingAtOrBefore(now, zone);
        Health.Part p;
        if (archive.bySlot("digest", last.name()).isPresent()) {
            p = Health.Part.ok("last_slot");
            p.facts().put("made", true);
        } else if (last.name().equals(withheldSlot)) {
            p = Health.Part.of("last_slot", Health.Status.DEGRADED, withheldWhy);
            p.facts().put("made", false).put("withheld", true);
        } else if (now.isBefore(last.windowEnd().plus(DUE))) {
            p = Health.Part.ok("last_slot");
            p.facts().put("made", false).put("due", true);
        } else {
            p = Health.Part.of(
                    "last_slot",
                    Health.Status.DEGRADED,
                    "no digest for slot " + last + " (was serve running at its end?)");
            p.facts().put("made", false);
        }
        p.facts().put("slot", last.name());
        return List.of(p);
    }
}
