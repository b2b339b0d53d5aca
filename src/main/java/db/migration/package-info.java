/**
 * Flyway migrations that need more than SQL. Flyway finds them beside the SQL migrations in
 * {@code src/main/resources/db/migration} (one location, one version sequence). Each runs the same
 * plain SQL on H2 (PostgreSQL mode) and PostgreSQL and may use only the JDK's JDBC and Jackson:
 * never the application's own classes, whose shape moves on while a migration must not.
 */
package db.migration;
