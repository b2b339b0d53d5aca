package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.digest.Slot;
import dev.aidigest.edition.DigestEditions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code digest [--at ISO_TIME] [--publish] [--out DIR]}: the digest of the 4-hour window ending at the
 * slot at or before {@code --at} (default: the last ended slot), stored, printed, written to the site.
 */
@Command(name = "digest", description = "Build the digest of one 4-hour slot, store it and print its markdown.")
final class DigestCommand extends BaseCommand {

    @Option(
            names = "--at",
            paramLabel = "ISO_TIME",
            description =
                    "a time in the slot's window end: 2025-11-26T16:00:00+08:00, 2025-11-26T16:00 (in the configured zone) or a slot name 2025.11.26.16")
    String at;

    @Option(names = "--publish", description = "queue the digest to every subscribed chat (each chat gets it once)")
    boolean publish;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "site directory to write into (default: digest.site_dir)")
    Path out;

    @Override
    int run(Wiring w) {
        Slot slot = at == null ? Slot.endingAtOrBefore(w.clock().instant(), w.zone()) : slotAt(at, w.zone());
        DigestEditions.Edition edition = w.editions(out).make(slot);
        System.out.print(edition.markdown());
        System.out.flush();
        System.err.println("written " + edition.file());
        if (publish) {
            int queued = w.publish(edition.id());
            System.err.println("queued to " + queued + " subscription(s)");
        }
        return 0;
    }

    static Slot slotAt(String text, ZoneId zone) {
        String t = text.trim();
        if (t.matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}")) {
            return Slot.parse(t, zone);
        }
        try {
            return Slot.endingAtOrBefore(OffsetDateTime.parse(t).toInstant(), zone);
        } catch (DateTimeParseException notOffset) {
            try {
                return Slot.endingAtOrBefore(Instant.parse(t), zone);
            } catch (DateTimeParseException notInstant) {
                try {
                    return Slot.endingAtOrBefore(
                            LocalDateTime.parse(t).atZone(zone).toInstant(), zone);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--at: not an ISO time or slot name: " + text);
                }
            }
        }
    }
}
