package dev.aidigest.store;

import dev.aidigest.testing.PostgresSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SearchAliasesTest} on the local PostgreSQL, in a fresh schema: entity terms use the same SQL. */
class SearchAliasesPostgresIT extends SearchAliasesTest {

    @RegisterExtension
    final PostgresSchemas pg = new PostgresSchemas();

    @Override
    Database open() {
        return pg.open();
    }

    @Test
    void theInheritedCasesRunOnPostgres() {
        PostgresSchemas.assertOpensPostgres(this::open);
    }
}
