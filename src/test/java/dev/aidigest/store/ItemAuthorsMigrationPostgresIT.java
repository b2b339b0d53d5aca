package dev.aidigest.store;

import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** {@link ItemAuthorsMigrationTest} on the local PostgreSQL, in a fresh schema. */
class ItemAuthorsMigrationPostgresIT extends ItemAuthorsMigrationTest {

    private final String[] schema = new String[1];

    ItemAuthorsMigrationPostgresIT() {
        user = TestDatabases.PG_USER;
    }

    @Override
    String emptyDatabase() {
        return TestDatabases.emptyPostgres(schema);
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgres(schema[0]);
    }
}
