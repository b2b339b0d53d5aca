package dev.aidigest.store;

import dev.aidigest.testing.PostgresSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SearchRangeTest} on the local PostgreSQL, in a fresh schema: the range is the same SQL. */
class SearchRangePostgresIT extends SearchRangeTest {

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
