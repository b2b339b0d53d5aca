package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void theInheritedCasesAreConfiguredForPostgreSQL() {
        assertThat(env().get("AIDIGEST_DB_URL"))
                .startsWith("jdbc:postgresql://")
                .contains(schema[0]);
    }

    @Override
    Map<String, String> env() {
        return Map.of("AIDIGEST_DB_URL", TestDatabases.pgUrl(schema[0]), "AIDIGEST_DB_USER", TestDatabases.PG_USER);
    }
}
