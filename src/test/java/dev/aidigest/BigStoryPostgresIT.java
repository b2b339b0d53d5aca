package dev.aidigest;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** {@link BigStoryTest} on the local PostgreSQL, in a fresh schema. */
class BigStoryPostgresIT extends BigStoryTest {

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
