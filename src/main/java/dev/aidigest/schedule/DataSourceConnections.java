package dev.aidigest.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lets Quartz's JDBC job store use the application's pool instead of its own c3p0. */
final class DataSourceConnections implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to Database, which closes it
    }

    @Override
    public void initialize() {
        // nothing to set up
    }
}
