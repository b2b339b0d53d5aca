package dev.aidigest.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: global options shared by every subcommand. */
@Command(
        name = "ai-digest",
        mixinStandardHelpOptions = true,
        version = "ai-digest 0.1.0",
        description = "Every 4 hours, a Chinese digest of what the people who move AI posted.",
        subcommands = {
            DemoCommand.class,
            ImportCommand.class,
            IngestCommand.class,
            DigestCommand.class,
            ReportCommand.class,
            ServeCommand.class
        })
public final class AppCommand {

    @Option(
            names = "--config",
            description = "configuration directory (default: ${DEFAULT-VALUE})",
            defaultValue = "config",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path config;

    @Option(
            names = "--data",
            description = "data directory for the H2 database (default: ${DEFAULT-VALUE})",
            defaultValue = "data",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path data;
}
