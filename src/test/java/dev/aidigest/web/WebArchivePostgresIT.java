package dev.aidigest.web;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** Every {@link WebArchiveTest} case again on the local PostgreSQL: archive, feed, API and ops SQL run on both. */
class WebArchivePostgresIT extends WebArchiveTest {

    private final String[] schema = new String[1];

    @Override
    Database open() {
        return TestDatabases.postgres(schema);
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgres(schema[0]);
    }
}
