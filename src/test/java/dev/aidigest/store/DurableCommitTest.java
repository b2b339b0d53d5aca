package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.HaltAfterCommitMain;
import dev.aidigest.testing.TestDb;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit that returned is on disk: a process halted right after it (as by kill -9) keeps it. */
class DurableCommitTest {

    @TempDir
    Path dir;

    @Test
    void aCommitOnTheDefaultH2FileSurvivesAHaltRightAfterIt() throws Exception {
        String url = Database.h2FileUrl(dir);
        assertThat(haltAfterCommit(url, "")).contains("committed");
        try (Database db = Database.open(url, "", "")) {
            assertThat(TestDb.column(db, "SELECT chat_id FROM chat")).containsExactly("halt-1");
        }
    }

    @Test
    void aConfiguredH2UrlWithoutWriteDelayIsMadeDurableToo() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("own") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        assertThat(haltAfterCommit(url, "")).contains("committed");
        try (Database db = Database.open(url, "", "")) {
            assertThat(TestDb.column(db, "SELECT chat_id FROM chat")).containsExactly("halt-1");
        }
    }

    @Test
    void aWriteDelayTheUrlSetsIsLeftAsTheOperatorChoseIt() {
        assertThat(Database.durable("jdbc:h2:file:/x;write_delay=500")).isEqualTo("jdbc:h2:file:/x;write_delay=500");
        assertThat(Database.durable("jdbc:h2:file:/x")).isEqualTo("jdbc:h2:file:/x;WRITE_DELAY=0");
        assertThat(Database.uninterruptible("jdbc:h2:file:/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:async:/x;MODE=PostgreSQL");
        assertThat(Database.uninterruptible("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Database.durable("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    static String haltAfterCommit(String url, String user) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        cp,
                        HaltAfterCommitMain.class.getName(),
                        url,
                        user)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
