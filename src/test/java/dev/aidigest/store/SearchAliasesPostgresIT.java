package dev.aidigest.store;

import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** {@link SearchAliasesTest} on the local PostgreSQL, in a fresh schema: entity terms use the same SQL. */
class SearchAliasesPostgresIT extends SearchAliasesTest {

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
