package dev.aidigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every {@link DailyReportsTest} case again on the local PostgreSQL: the report's SQL runs on both. */
class DailyReportsPostgresIT extends DailyReportsTest {

    private final String[] schema = new String[1];

    @Override
    Database open() {
        return TestDatabases.postgres(schema);
    }

    @Test
    void theInheritedCasesRunOnPostgreSQL() {
        assertThat(db.isPostgres()).isTrue();
        String product = db.read(c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgres(schema[0]);
    }
}
