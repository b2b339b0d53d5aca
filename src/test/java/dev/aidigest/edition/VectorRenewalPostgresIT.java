package dev.aidigest.edition;

import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Every {@link VectorRenewalTest} case again on the local PostgreSQL, each database a fresh schema. */
class VectorRenewalPostgresIT extends VectorRenewalTest {

    private final List<String> schemas = new ArrayList<>();

    @Override
    Database open(String name) {
        String[] schema = new String[1];
        Database db = TestDatabases.postgres(schema);
        schemas.add(schema[0]);
        return db;
    }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestDatabases::dropPostgres);
    }
}
