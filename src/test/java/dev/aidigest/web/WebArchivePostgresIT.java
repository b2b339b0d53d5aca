package dev.aidigest.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every {@link WebArchiveTest} case again on the local PostgreSQL: archive, feed, API and ops SQL run on both. */
class WebArchivePostgresIT extends WebArchiveTest {

    private final String[] schema = new String[1];

    @Override
    Database open() {
        return TestDatabases.postgres(schema);
    }

    @Test
    void theInheritedCasesRunOnPostgreSQL() {
        assertThat(db.isPostgres()).isTrue();
        String product = db.read(c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgres(schema[0]);
    }
}
