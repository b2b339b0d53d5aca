package dev.aidigest.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: global options shared by every subcommand. */
@Command(
        name = "ai-digest",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        footer = {
            "",
            "Every command takes -h/--help. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or input.",
            "Examples:",
            "  ai-digest demo",
            "  ai-digest help digest",
            "  ai-digest --config /etc/ai-digest --data /var/lib/ai-digest serve"
        },
        version = "ai-digest 0.1.0",
        description = "Every 4 hours, a Chinese digest of what the people who move AI posted.",
        subcommands = {
            DemoCommand.class,
            ImportCommand.class,
            IngestCommand.class,
            DigestCommand.class,
            ReportCommand.class,
            ServeCommand.class,
            DoctorCommand.class,
            McpCommand.class,
            picocli.CommandLine.HelpCommand.class
        })
public final class AppCommand {

    @Option(
            names = "--config",
            description = "configuration directory",
            defaultValue = "config",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path config;

    @Option(
            names = "--data",
            description = "data directory for the H2 database",
            defaultValue = "data",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path data;
}
