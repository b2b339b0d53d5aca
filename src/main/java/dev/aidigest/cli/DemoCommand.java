package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.digest.Slot;
import dev.aidigest.edition.DigestEditions;
import dev.aidigest.ingest.Format;
import dev.aidigest.ingest.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: offline end to end on the bundled sample day — import, digest of its busiest slot,
 * print the markdown, write it under {@code site/}. Runs with nothing configured.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {"", "Examples:", "  ai-digest demo", "  ai-digest demo --slot 2025.11.26.12"},
        description = "Offline end to end on bundled sample posts: import, digest, print, write under site/.")
final class DemoCommand extends BaseCommand {

    static final String SAMPLE = "/sample/x-api-v2-sample-day.json";
    static final String SAMPLE_SLOT = "2025.11.26.16";

    @Option(
            names = "--slot",
            paramLabel = "YYYY.MM.DD.HH",
            description = "slot of the sample day to build",
            defaultValue = SAMPLE_SLOT)
    String slot;

    @Override
    int run(Wiring w) throws IOException {
        Path sample = Files.createTempFile("ai-digest-sample", ".json");
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the sample posts are missing from the jar: " + SAMPLE);
            }
            Files.copy(in, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ImportResult r = w.ingest().importFile(sample, Format.X_API_V2);
            System.err.printf(
                    "demo: %d sample posts read, %d new, %d already stored%n", r.read(), r.added(), r.duplicates());
        } finally {
            Files.deleteIfExists(sample);
        }
        Slot s = Slot.parse(slot, w.zone());
        DigestEditions.Edition edition = w.editions(null).make(s);
        System.out.print(edition.markdown());
        System.out.flush();
        System.err.println("demo: written " + edition.file());
        return 0;
    }
}
