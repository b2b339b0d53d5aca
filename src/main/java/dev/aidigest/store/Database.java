package dev.aidigest.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one door to the database: a pooled {@link DataSource} migrated by Flyway, with
 * {@link #read}, {@link #write} and {@link #transaction} that turn {@link SQLException} into
 * {@link DatabaseException}. H2 (file, embedded default) and PostgreSQL run the same SQL.
 */
public final class Database implements AutoCloseable {

    /** Work done on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * Opens the pool and applies pending migrations. Every commit is durable when it returns, so what a
     * command reports, writes or sends after storing it survives a {@code kill -9}: an H2 URL gets
     * {@code WRITE_DELAY=0} (H2 otherwise keeps committed transactions in memory for up to half a second
     * and a killed process loses them), and PostgreSQL sessions run with {@code synchronous_commit = on}
     * whatever the server's default.
     */
    public static Database open(String url, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(durable(uninterruptible(url)));
        if (url.startsWith("jdbc:postgresql:")) {
            cfg.setConnectionInitSql("SET synchronous_commit = on");
        }
        cfg.setUsername(user == null ? "" : user);
        cfg.setPassword(password == null ? "" : password);
        cfg.setMaximumPoolSize(8);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("aidigest");
        cfg.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open database " + redact(url) + ": " + oneLine(rootMessage(e)), e);
        }
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new DatabaseException("cannot migrate database " + redact(url) + ": " + oneLine(rootMessage(e)), e);
        }
        return new Database(ds, url.startsWith("jdbc:postgresql:"));
    }

    /**
     * Refuses a data directory that cannot hold the H2 database, before H2 sees it, with one line
     * that says why: not writable (H2 would only say something about AUTO_SERVER), a database file
     * of zero bytes (H2 would silently make a new empty database over it), or one that is not an H2
     * file at all.
     *
     * @throws DatabaseException with the reason
     */
    public static void checkH2Dir(java.nio.file.Path dataDir) {
        java.nio.file.Path dir = dataDir.toAbsolutePath();
        try {
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(dir, ".write-check", ""));
        } catch (java.io.IOException | SecurityException e) {
            throw new DatabaseException(
                    "the data directory " + dir + " is not writable ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); give the service write access or choose another --data",
                    e);
        }
        java.nio.file.Path file = dir.resolve("aidigest.mv.db");
        if (!java.nio.file.Files.exists(file)) {
            return;
        }
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot read the database file " + file + ": " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new DatabaseException(
                    "the database file " + file
                            + " is empty (0 bytes); restore it from a backup, or delete it to start a new database",
                    null);
        }
        if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("H:2")) {
            throw new DatabaseException(
                    "the database file " + file
                            + " is not an H2 database (it does not start with an H2 header); restore it from a backup",
                    null);
        }
    }

    /**
     * The URL with H2's write delay off, unless the URL sets one itself. Other databases' URLs are
     * returned as they are.
     */
    static String durable(String url) {
        if (!url.startsWith("jdbc:h2:")
                || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /**
     * An H2 file URL read and written through H2's asynchronous file channel ({@code async:}, the same
     * files): with plain file channels a thread interrupted in the middle of a write (a job stopped
     * at shutdown, a cancelled worker) closes the channel, and H2 then closes the database for every
     * thread. Other URLs are returned as they are.
     */
    static String uninterruptible(String url) {
        return url.startsWith("jdbc:h2:file:") ? "jdbc:h2:async:" + url.substring("jdbc:h2:file:".length()) : url;
    }

    /** The H2 file URL used when nothing else is configured. */
    public static String h2FileUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("aidigest")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside the pool, for work that holds one for the life of the process
     * (PostgreSQL LISTEN), so it neither waits for nor takes a pooled connection. The caller closes it.
     */
    public Connection unpooled() throws SQLException {
        return java.sql.DriverManager.getConnection(
                dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs read-only work in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }

    /** Runs a single write (auto-commit). */
    public <T> T write(Work<T> work) {
        return read(work);
    }

    /** Runs work in one transaction: all of it commits, or none of it. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * The text with every database password masked: {@code password=...} parameters and the
     * user-info of URLs ({@code jdbc:postgresql://user:PASSWORD@host/db}), also where a driver
     * repeats it without the {@code //}.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replaceAll("(?i)(password=)[^;&\\s]*", "$1***")
                .replaceAll("(^|[/\\s(\"'=])([^\\s/:@\"']*:)[^\\s/@\"']+@", "$1$2***@");
    }

    /** The first line of a driver's message, without H2's SQL statement and version tail. */
    private static String oneLine(String m) {
        if (m == null) {
            return "unknown error";
        }
        String first = m.strip().split("\\R", 2)[0];
        int sql = first.indexOf("; SQL statement:");
        first = sql > 0 ? first.substring(0, sql) : first;
        return redact(first.replaceAll(" \\[[0-9]{5}-[0-9]+\\]$", ""));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
