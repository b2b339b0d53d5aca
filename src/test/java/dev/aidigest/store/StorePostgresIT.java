package dev.aidigest.store;

import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** Every {@link StoreTest} case again on the local PostgreSQL, in a fresh schema: the same SQL must run on both. */
class StorePostgresIT extends StoreTest {

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
