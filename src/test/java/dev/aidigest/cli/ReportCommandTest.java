package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.App;
import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} through the CLI in-process: exit codes, the markdown on stdout, the files under --out. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheReportOfADateAndWritesItUnderOut() {
        try (Database db = TestDatabases.h2(dir.resolve("data"))) {
            TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 3, 120);
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = App.run(
                    "--config",
                    dir.resolve("no-config").toString(),
                    "--data",
                    dir.resolve("data").toString(),
                    "report",
                    "--date",
                    "2025-11-26",
                    "--out",
                    dir.resolve("site").toString());
        } finally {
            System.setOut(stdout);
        }

        assertThat(code).isZero();
        String md = out.toString(StandardCharsets.UTF_8);
        assertThat(md).contains("title: \"2025.11.26 AI日报：全球AI推文讨论总结\"", "### 核心信息（", "## 词云分析");
        assertThat(dir.resolve("site/content/posts/2025-11-26-daily.md")).hasContent(md);
    }

    @Test
    void aBadDateIsBadUsage() {
        assertThat(App.run("--data", dir.resolve("data").toString(), "report", "--date", "2025-13-40"))
                .isEqualTo(2);
    }
}
