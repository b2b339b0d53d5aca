package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.App;
import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator meets first, in-process: help everywhere, refused future editions, empty windows, config typos. */
class OperatorCliTest {

    @TempDir
    Path dir;

    /** What one in-process run printed and returned. */
    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = App.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private String[] inDir(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "--config",
                dir.resolve("config").toString(),
                "--data",
                dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "import", "ingest", "digest", "report", "serve", "doctor", "mcp"})
    void everyCommandHasHelpWithItsOptionsAndAnExample(String command) {
        for (String flag : List.of("--help", "-h")) {
            Run r = run(command, flag);
            assertThat(r.code()).as(command + " " + flag + ": " + r.err()).isZero();
            assertThat(r.out())
                    .startsWith("Usage: ai-digest " + command)
                    .contains("--config", "Default: config", "Examples:", "  ai-digest ");
        }
        Run viaHelp = run("help", command);
        assertThat(viaHelp.code()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: ai-digest " + command);
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "import", "ingest", "digest", "report", "serve", "doctor", "mcp", "help");
        assertThat(run("digest", "--help").out()).contains("--allow-empty", "--at=ISO_TIME", "the last ended slot");
    }

    @Test
    void aFutureSlotOrDayIsRefusedWithOneLineAndNothingIsStored() {
        Run digest = run(inDir("digest", "--at", "2099-01-01T00:00:00Z"));
        assertThat(digest.code()).isEqualTo(2);
        assertThat(digest.err().strip()).doesNotContain("\n").contains("has not ended yet", "last ended slot is");
        Run report = run(inDir("report", "--date", "2099-01-01"));
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err().strip()).doesNotContain("\n").contains("has not ended yet");
        assertThat(storedEditions()).isZero();
    }

    @Test
    void anEmptyWindowMakesNothingUnlessAllowed() {
        // with no post at all the sources look dead: not made, and that is a failure (exit 1)
        Run r = run(inDir("digest", "--at", "2025.11.26.16", "--publish"));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("digest 2025.11.26.16 not made: newest post is missing");
        assertThat(storedEditions()).isZero();
        Run rep = run(inDir("report", "--date", "2025-11-26"));
        assertThat(rep.code()).as(rep.err()).isZero();
        assertThat(rep.err()).contains("report 2025-11-26 not made: no posts");
        assertThat(storedEditions()).isZero();

        Run allowed = run(inDir(
                "digest",
                "--at",
                "2025.11.26.16",
                "--allow-empty",
                "--out",
                dir.resolve("site").toString()));
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(storedEditions()).isEqualTo(1);
    }

    @Test
    void aTypoInTheConfigurationStopsEveryCommandWithTheKeyAndTheFile() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Path file = dir.resolve("config").resolve("application.yml");
        Files.writeString(file, "digest:\n  max_itmes: 12\n");
        for (String command : List.of("digest", "report", "ingest", "serve", "doctor")) {
            Run r = run(inDir(command));
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err().strip())
                    .as(command)
                    .startsWith("ai-digest: " + file + ": digest.max_itmes: unknown key")
                    .doesNotContain("\n");
        }
    }

    private long storedEditions() {
        if (!Files.exists(dir.resolve("data"))) {
            return 0;
        }
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("data")), "", "")) {
            return Long.parseLong(
                    TestDb.column(db, "SELECT COUNT(*) FROM digest").get(0));
        }
    }
}
