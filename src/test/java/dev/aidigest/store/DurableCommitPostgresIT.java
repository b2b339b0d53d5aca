package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On PostgreSQL a commit waits for the server's WAL flush, even where the URL asks for less. */
class DurableCommitPostgresIT {

    final String[] schema = new String[1];

    @AfterEach
    void drop() {
        TestDatabases.dropPostgres(schema[0]);
    }

    @Test
    void sessionsCommitSynchronouslyEvenWhenTheUrlTurnsItOff() throws Exception {
        String url = TestDatabases.emptyPostgres(schema) + "&options=-c%20synchronous_commit%3Doff";
        try (Database db = Database.open(url, TestDatabases.PG_USER, "")) {
            assertThat(db.isPostgres()).isTrue();
            assertThat(TestDb.column(db, "SHOW synchronous_commit")).containsExactly("on");
        }
    }

    @Test
    void aCommitSurvivesTheClientHaltingRightAfterIt() throws Exception {
        String url = TestDatabases.emptyPostgres(schema);
        assertThat(DurableCommitTest.haltAfterCommit(url, TestDatabases.PG_USER))
                .contains("committed");
        try (Database db = Database.open(url, TestDatabases.PG_USER, "")) {
            assertThat(TestDb.column(db, "SELECT chat_id FROM chat")).containsExactly("halt-1");
        }
    }
}
