package dev.aidigest.report;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** Every {@link DailyReportsTest} case again on the local PostgreSQL: the report's SQL runs on both. */
class DailyReportsPostgresIT extends DailyReportsTest {

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
