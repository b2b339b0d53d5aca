package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be used is refused with one line saying why, and nothing is replaced or printed in clear. */
class DatabaseFileCliTest {

    static final String POST = "{\"id\":\"1993000000000000001\",\"author_handle\":\"dotey\",\"text\":\"hello\","
            + "\"created_at\":\"2025-11-26T08:00:00Z\"}\n";

    @TempDir
    Path dir;

    record Run(int code, String stderr) {}

    Run run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            return new Run(App.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    Run importInto(Path data) throws Exception {
        Path posts = Files.writeString(dir.resolve("posts.jsonl"), POST);
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "import", posts.toString()));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aZeroLengthDatabaseFileIsRefusedNotReplaced() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = Files.createFile(data.resolve("aidigest.mv.db"));

        Run r = importInto(data);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).singleElement().asString().contains("is empty (0 bytes)");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aFileThatIsNotAnH2DatabaseIsRefusedInOneLine() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = Files.writeString(data.resolve("aidigest.mv.db"), "this is not a database\n".repeat(200));

        Run r = importInto(data);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr().strip().lines())
                .singleElement()
                .asString()
                .contains("is not an H2 database")
                .doesNotContain("SQL")
                .doesNotContain("Exception");
        assertThat(Files.readString(file)).startsWith("this is not a database");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenSaysSo() throws Exception {
        // /proc refuses new files even to root, like a read-only mount
        Run r = importInto(Path.of("/proc"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr().strip().lines())
                .singleElement()
                .asString()
                .contains("data directory /proc is not writable")
                .doesNotContain("AUTO_SERVER");
    }

    @Test
    void aPasswordInTheUserInfoOfTheDatabaseUrlIsNeverPrinted() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(
                config.resolve("application.yml"),
                "database:\n  url: \"jdbc:postgresql://reader:S3cretPw0rd@127.0.0.1:1/db\"\n");
        Path posts = Files.writeString(dir.resolve("posts.jsonl"), POST);

        Run r = run(
                "--config", config.toString(), "--data", dir.resolve("data").toString(), "import", posts.toString());

        assertThat(r.code()).isNotZero();
        assertThat(r.stderr()).doesNotContain("S3cretPw0rd").contains("reader:***@127.0.0.1");
    }

    @Test
    void redactionCoversBothPasswordForms() {
        assertThat(dev.aidigest.store.Database.redact(
                        "jdbc:postgresql://u:pw@h/db?password=pw2&ssl=true and https://a:b@c/"))
                .isEqualTo("jdbc:postgresql://u:***@h/db?password=***&ssl=true and https://a:***@c/");
    }
}
