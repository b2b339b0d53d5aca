package dev.aidigest.store;

import dev.aidigest.testing.PostgresSchemas;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ItemAuthorsMigrationTest} on the local PostgreSQL, in a fresh schema. */
class ItemAuthorsMigrationPostgresIT extends ItemAuthorsMigrationTest {

    @RegisterExtension
    final PostgresSchemas pg = new PostgresSchemas();

    ItemAuthorsMigrationPostgresIT() {
        user = TestDatabases.PG_USER;
    }

    @Override
    String emptyDatabase() {
        return pg.emptyUrl();
    }

    @Test
    void theInheritedCasesRunOnPostgres() {
        PostgresSchemas.assertOpensPostgres(() -> Database.open(emptyDatabase(), user, ""));
    }
}
