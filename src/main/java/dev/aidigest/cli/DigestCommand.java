package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.explain.DigestExplanation;
import dev.aidigest.digest.explain.ExplanationJson;
import dev.aidigest.digest.explain.ExplanationText;
import dev.aidigest.edition.DigestEditions;
import dev.aidigest.edition.EditionWithheld;
import dev.aidigest.edition.Freshness;
import dev.aidigest.edition.SlotPublisher;
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
 * {@code digest --explain [--json] [--post ID]} builds it offline instead and prints why each post of
 * the window is or is not in it, storing no digest. Both first renew the stored vectors an older
 * embedding model made, so what is built or explained compares one model's vectors.
 */
@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {
            "",
            "Examples:",
            "  ai-digest digest",
            "  ai-digest digest --at 2025.11.26.16 --publish",
            "  ai-digest digest --explain --post 1861234567890123456"
        },
        description = {
            "Build the digest of one 4-hour slot, store it and print its markdown.",
            "With --explain: print what happened to every post of the window instead (dropped and why, its story,"
                    + " the links that joined it and their evidence, the score's terms, repeat or follow-up)."
                    + " --explain stores and publishes nothing and never calls an LLM: it explains the offline"
                    + " decisions (with an LLM configured, the merge review may still regroup the real digest's"
                    + " stories)."
        })
final class DigestCommand extends BaseCommand {

    @Option(
            names = "--at",
            paramLabel = "ISO_TIME",
            description =
                    "the slot ending at or before this time: 2025-11-26T16:00:00+08:00, 2025-11-26T16:00 (in the configured zone) or a slot name 2025.11.26.16; not later than the last ended slot (default: the last ended slot)")
    String at;

    @Option(
            names = "--allow-empty",
            description = "store and publish the digest even when its window has no posts (otherwise nothing is made)")
    boolean allowEmpty;

    @Option(names = "--publish", description = "queue the digest to every subscribed chat (each chat gets it once)")
    boolean publish;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "site directory to write into (default: digest.site_dir)")
    Path out;

    @Option(
            names = "--explain",
            description = "explain every post of the window instead of building: offline, nothing stored or published")
    boolean explain;

    @Option(names = "--json", description = "with --explain: one JSON document instead of text")
    boolean json;

    @Option(
            names = "--post",
            paramLabel = "ID",
            description = "with --explain: only this post (its database id, platform id or URL)")
    String post;

    @Override
    int run(Wiring w) {
        Slot last = Slot.endingAtOrBefore(w.clock().instant(), w.zone());
        Slot slot = at == null ? last : slotAt(at, w.zone());
        if (slot.windowEnd().isAfter(last.windowEnd())) {
            throw new IllegalArgumentException(
                    "--at " + at + ": slot " + slot + " has not ended yet; the last ended slot is " + last);
        }
        if (explain) {
            return explain(w, slot);
        }
        if (json || post != null) {
            throw new IllegalArgumentException("--json and --post go with --explain");
        }
        // the scheduled job's path too: stale sources make nothing, and it is stored before it is written or queued
        SlotPublisher.Published made;
        try {
            made = w.slotPublisher(out).run(slot, publish, allowEmpty);
        } catch (Freshness.StaleSourcesException e) {
            throw e; // not made because the sources look dead: a failure (exit 1)
        } catch (EditionWithheld e) {
            System.err.println(e.getMessage()); // an empty window: nothing to make, said once (exit 0)
            return 0;
        }
        DigestEditions.Edition edition = made.edition();
        System.out.print(edition.markdown());
        System.out.flush();
        System.err.println("written " + edition.file());
        if (publish) {
            System.err.println("queued to " + made.queued() + " subscription(s)");
        }
        return 0;
    }

    private int explain(Wiring w, Slot slot) {
        if (publish || out != null) {
            throw new IllegalArgumentException("--explain stores and publishes nothing: drop --publish and --out");
        }
        // vectors are state, not output: an explanation over two models' vectors would explain nothing
        w.vectorRenewal().before(slot);
        DigestBuilder.Build build =
                w.offlineBuilder().buildWithReport(slot, w.clock().instant());
        if (build.window().isEmpty()) {
            throw new IllegalArgumentException("no posts in the window of slot " + slot + " ("
                    + slot.windowStart().atZone(w.zone()).toLocalDateTime() + " to "
                    + slot.end().toLocalDateTime() + " " + w.zone() + "): import or ingest first");
        }
        DigestExplanation explanation = DigestExplanation.of(build);
        if (post != null) {
            explanation = explanation
                    .only(post)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--post " + post + ": no such post in the window of slot " + slot));
        }
        System.out.print(json ? ExplanationJson.render(explanation) : ExplanationText.render(explanation));
        System.out.flush();
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
