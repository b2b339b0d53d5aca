package dev.aidigest;

import dev.aidigest.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link WiringRenewalTest} on the local PostgreSQL, configured as an operator would: AIDIGEST_DB_URL. */
class WiringRenewalPostgresIT extends WiringRenewalTest {

    private final String[] schema = new String[1];

    @BeforeEach
    void createSchema() {
        TestDatabases.postgres(schema).close();
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgres(schema[0]);
    }

    @Override
    Map<String, String> env() {
        return Map.of("AIDIGEST_DB_URL", TestDatabases.pgUrl(schema[0]), "AIDIGEST_DB_USER", TestDatabases.PG_USER);
    }
}
