package dev.aidigest;

import dev.aidigest.cli.AppCommand;
import dev.aidigest.config.ConfigException;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.store.Database;
import dev.aidigest.store.DatabaseException;
import picocli.CommandLine;

/**
 * The command line: {@code java -jar target/ai-digest.jar <command>}. Exit codes: 0 ok, 1 runtime
 * failure, 2 bad usage or bad input — with a one-line reason on stderr.
 */
public final class App {

    private App() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new AppCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> exitCodeOf(e));
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("ai-digest: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    static int exitCodeOf(Throwable e) {
        Throwable cause = e;
        int code = 1;
        if (e instanceof BadInputException || e instanceof ConfigException || e instanceof IllegalArgumentException) {
            code = 2;
        }
        if (e instanceof DatabaseException) {
            code = 1;
        }
        System.err.println("ai-digest: " + oneLine(cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        if (code == 1) {
            org.slf4j.LoggerFactory.getLogger(App.class).debug("failure", e);
        }
        return code;
    }

    private static String oneLine(String s) {
        return Database.redact(s.replaceAll("\\s*\\R\\s*", " ").trim());
    }
}
