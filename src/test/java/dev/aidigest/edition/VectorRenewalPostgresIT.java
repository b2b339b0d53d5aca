package dev.aidigest.edition;

import dev.aidigest.store.Database;
import dev.aidigest.testing.PostgresSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every {@link VectorRenewalTest} case again on the local PostgreSQL, each database a fresh schema. */
class VectorRenewalPostgresIT extends VectorRenewalTest {

    @RegisterExtension
    final PostgresSchemas pg = new PostgresSchemas();

    @Override
    Database open(String name) {
        return pg.open();
    }

    @Test
    void theInheritedCasesRunOnPostgres() {
        PostgresSchemas.assertOpensPostgres(() -> open("check"));
    }
}
