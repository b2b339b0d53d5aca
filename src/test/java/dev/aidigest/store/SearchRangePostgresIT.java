package dev.aidigest.store;

import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** {@link SearchRangeTest} on the local PostgreSQL, in a fresh schema: the range is the same SQL. */
class SearchRangePostgresIT extends SearchRangeTest {

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
