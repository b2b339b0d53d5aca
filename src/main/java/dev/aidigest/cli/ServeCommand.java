package dev.aidigest.cli;

import dev.aidigest.Wiring;
import picocli.CommandLine.Command;

/** {@code serve}: scheduler + enabled chat adapters + HTTP server, until stopped (SIGTERM stops cleanly). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {
            "",
            "Examples:",
            "  ai-digest serve",
            "  AIDIGEST_TELEGRAM_TOKEN=123:abc AIDIGEST_HTTP_PORT=8080 ai-digest --data /var/lib/ai-digest serve"
        },
        description = "Run the scheduler, the enabled chat bots and the HTTP server until stopped.")
final class ServeCommand extends BaseCommand {

    @Override
    int run(Wiring w) throws Exception {
        w.serve().run();
        return 0;
    }
}
