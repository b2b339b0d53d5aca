package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ingest [--source NAME]}: fetches the configured sources once. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {"", "Examples:", "  ai-digest ingest", "  ai-digest ingest --source x-api"},
        description = "Fetch the configured sources once.")
final class IngestCommand extends BaseCommand {

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "only this source (tried now even if it is backing off)")
    String source;

    @Override
    int run(Wiring w) {
        List<Source> sources = w.sources();
        if (sources.isEmpty()) {
            System.err.println(
                    "no sources configured: set AIDIGEST_X_BEARER_TOKEN, AIDIGEST_RSSHUB_URL or feeds in config/sources.yml");
            return 2;
        }
        List<SourceResult> results;
        if (source != null) {
            Source one = sources.stream()
                    .filter(s -> s.name().equals(source))
                    .findFirst()
                    .orElse(null);
            if (one == null) {
                System.err.println("no source named " + source + "; configured: "
                        + String.join(", ", sources.stream().map(Source::name).toList()));
                return 2;
            }
            results = List.of(w.ingest().ingest(one, true));
        } else {
            results = w.ingest().ingestOnce(sources);
        }
        boolean failed = false;
        for (SourceResult r : results) {
            System.err.println(
                    switch (r.outcome()) {
                        case OK ->
                            r.source() + ": " + r.fetched() + " fetched, " + r.added() + " new, " + r.duplicates()
                                    + " already stored";
                        case FAILED ->
                            r.source() + ": FAILED: " + r.error()
                                    + (r.nextAttempt() == null ? "" : "; next try after " + r.nextAttempt());
                        case BACKING_OFF -> r.source() + ": backing off until " + r.nextAttempt();
                    });
            failed |= r.outcome() == SourceResult.Outcome.FAILED;
        }
        return failed ? 1 : 0;
    }
}
