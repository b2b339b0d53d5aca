package dev.aidigest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh schemas on the local PostgreSQL for a test class that runs another class's cases there
 * ({@code @RegisterExtension final PostgresSchemas pg = new PostgresSchemas();}): each schema it
 * opens is dropped after the test, once the test's own clean-up has closed its database.
 */
public final class PostgresSchemas implements AfterEachCallback {

    private final List<String> schemas = new ArrayList<>();

    /** A migrated database in a new schema. */
    public Database open() {
        String[] schema = new String[1];
        Database db = TestDatabases.postgres(schema);
        schemas.add(schema[0]);
        return db;
    }

    /** The URL of a new, empty schema (nothing migrated). */
    public String emptyUrl() {
        String[] schema = new String[1];
        String url = TestDatabases.emptyPostgres(schema);
        schemas.add(schema[0]);
        return url;
    }

    /**
     * Checks that what {@code open} gives the inherited cases is PostgreSQL: a subclass whose cases
     * all pass on H2 would otherwise check nothing new.
     */
    public static void assertOpensPostgres(Supplier<Database> open) {
        try (Database db = open.get()) {
            assertThat(db.isPostgres())
                    .as("the inherited cases run on PostgreSQL, not on H2")
                    .isTrue();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        schemas.forEach(TestDatabases::dropPostgres);
        schemas.clear();
    }
}
