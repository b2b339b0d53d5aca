package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.edition.EditionWithheld;
import dev.aidigest.report.DailyReports;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report [--date YYYY-MM-DD] [--publish] [--out DIR]}: the daily report of a day (default:
 * yesterday in the configured zone) from its stored digests and posts, stored, printed, written to
 * the site with its word-cloud PNG; {@code --publish} queues it to the chats subscribed to 'daily'.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {"", "Examples:", "  ai-digest report", "  ai-digest report --date 2025-11-26 --publish"},
        description = "Build the daily report of one day (with its word cloud), store it and print its markdown.")
final class ReportCommand extends BaseCommand {

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            description =
                    "the day, in the configured zone; not today or later, a day must have ended (default: yesterday)")
    String date;

    @Option(
            names = "--allow-empty",
            description = "store and publish the report even when the day has no posts and no digests")
    boolean allowEmpty;

    @Option(
            names = "--publish",
            description = "queue the report to every chat subscribed to daily or all (each chat gets it once)")
    boolean publish;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "site directory to write into (default: digest.site_dir)")
    Path out;

    @Override
    int run(Wiring w) {
        LocalDate yesterday = LocalDate.now(w.clock().withZone(w.zone())).minusDays(1);
        LocalDate day = date == null ? yesterday : parse(date);
        if (day.isAfter(yesterday)) {
            throw new IllegalArgumentException("--date " + date + ": that day has not ended yet in " + w.zone()
                    + "; the last ended day is " + yesterday);
        }
        DailyReports.Edition edition;
        try {
            edition = w.reports(out).make(day, allowEmpty);
        } catch (EditionWithheld e) {
            System.err.println(e.getMessage());
            return 0;
        }
        System.out.print(edition.markdown());
        System.out.flush();
        System.err.println("written " + edition.file()
                + (edition.image() == null ? " (no word cloud)" : " and " + edition.image()));
        if (publish) {
            // the scheduled report's path: queued like a digest; /follow alerts are for digests only
            int queued = w.outbox().publish(edition.id());
            System.err.println("queued to " + queued + " subscription(s)");
        }
        return 0;
    }

    static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date: not a date YYYY-MM-DD: " + text);
        }
    }
}
