package dev.aidigest.testing;

import dev.aidigest.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Real databases for tests: an H2 file database in a temp dir, or a fresh schema on the local PostgreSQL. */
public final class TestDatabases {

    /** The local PostgreSQL these machines run (trust auth); override with AIDIGEST_TEST_PG_URL. */
    public static final String PG_URL =
            System.getenv().getOrDefault("AIDIGEST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    public static final String PG_USER = System.getenv().getOrDefault("AIDIGEST_TEST_PG_USER", "postgres");

    private TestDatabases() {}

    public static Database h2(Path dir) {
        return Database.open(Database.h2FileUrl(dir), "", "");
    }

    /** A migrated database in a new schema; {@link #dropPostgres} removes it. */
    public static Database postgres(String[] schemaOut) {
        return Database.open(emptyPostgres(schemaOut), PG_USER, "");
    }

    /** The URL of a new, empty schema (nothing migrated yet); {@link #dropPostgres} removes it. */
    public static String emptyPostgres(String[] schemaOut) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + PG_URL + " is needed for *IT tests: " + e.getMessage(), e);
        }
        schemaOut[0] = schema;
        return pgUrl(schema);
    }

    public static String pgUrl(String schema) {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropPostgres(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
