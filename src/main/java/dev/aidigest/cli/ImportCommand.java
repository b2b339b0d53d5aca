package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.ingest.Format;
import dev.aidigest.ingest.ImportResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import FILE [--format x-api-v2|rss|jsonl]}: loads posts from a file, all or nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {
            "",
            "Examples:",
            "  ai-digest import posts.json",
            "  ai-digest import feed.xml --format rss",
            "  ai-digest import posts.jsonl --format jsonl"
        },
        description = "Load posts from a file (X API v2 JSON, an RSS/Atom feed, or JSON lines).")
final class ImportCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--format", paramLabel = "x-api-v2|rss|jsonl", description = "default: guessed from the file")
    String format;

    @Override
    int run(Wiring w) {
        w.progressTo(ConsoleProgress.forConsole());
        ImportResult r =
                format == null ? w.ingest().importFile(file) : w.ingest().importFile(file, Format.parse(format));
        System.err.printf(
                "imported %s: %d posts read, %d new, %d already stored, %d unattributed%n",
                file, r.read(), r.added(), r.duplicates(), r.unattributed());
        return 0;
    }
}
