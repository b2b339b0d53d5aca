package dev.aidigest.cli;

import dev.aidigest.Wiring;
import dev.aidigest.doctor.Doctor;
import dev.aidigest.report.WordCloudPainter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code doctor}: the configuration (read before anything, so a typo stops here with exit 2), the
 * database, then each configured platform, the LLM, the X API and the word-cloud font, one line each
 * on stdout; exit 1 when any check fails.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {"", "Examples:", "  ai-digest doctor", "  AIDIGEST_TELEGRAM_TOKEN=123:abc ai-digest doctor"},
        description = {
            "Check the installation: configuration, database, each configured chat platform's credentials,"
                    + " the LLM endpoint (one tiny call), the X API credentials and the word-cloud font.",
            "One line per check (ok, FAIL or skip when not configured); exit 1 if any check fails."
        })
final class DoctorCommand extends BaseCommand {

    @Override
    int run(Wiring w) {
        List<Doctor.Result> results = new ArrayList<>();
        results.add(new Doctor.Result(
                "config", Doctor.Outcome.OK, "application.yml and sources.yml read, every key known"));
        results.add(database(w));
        results.addAll(new Doctor(
                        w.config(),
                        w.sourcesConfig().accounts().stream()
                                .map(dev.aidigest.config.SourcesConfig.Account::handle)
                                .toList(),
                        WordCloudPainter.CJK_FONT)
                .run());
        results.forEach(r -> System.out.println(r.line()));
        System.out.flush();
        return results.stream().anyMatch(r -> r.outcome() == Doctor.Outcome.FAILED) ? 1 : 0;
    }

    private static Doctor.Result database(Wiring w) {
        long started = System.nanoTime();
        try {
            long posts = w.posts().count();
            return new Doctor.Result(
                    "database",
                    Doctor.Outcome.OK,
                    (w.db().isPostgres() ? "PostgreSQL" : "H2") + ", migrated, " + posts + " posts ("
                            + (System.nanoTime() - started) / 1_000_000 + " ms)");
        } catch (RuntimeException e) {
            return new Doctor.Result(
                    "database",
                    Doctor.Outcome.FAILED,
                    String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
