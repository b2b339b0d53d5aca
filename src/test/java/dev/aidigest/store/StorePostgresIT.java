package dev.aidigest.store;

import dev.aidigest.testing.PostgresSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every {@link StoreTest} case again on the local PostgreSQL, in a fresh schema: the same SQL must run on both. */
class StorePostgresIT extends StoreTest {

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
