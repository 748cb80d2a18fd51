package org.entraide.jdbc.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The factory as pax-jdbc-config calls it in Karaf, with the driver's own DataSourceFactory: the pool settings of a
 * datasource configuration change the connections the application gets, and the driver's keys reach the driver.
 */
abstract class PooledDataSourceScenarios {
    private final List<HikariDataSource> opened = new ArrayList<>();

    /** The driver's DataSourceFactory, as the driver's bundle registers it. */
    abstract DataSourceFactory driver();

    /** The driver's keys of a reachable database (url, user...), as in etc/org.ops4j.datasource-entraide.cfg. */
    abstract Properties database();

    /** The driver's keys of a database that cannot be reached. */
    abstract Properties unreachableDatabase();

    /** A statement for pool.connectionInitSql, and a query answering 'entraide' on a connection it ran on. */
    abstract String initSql();

    abstract String initSqlProof();

    /** Whether the driver's connections report setReadOnly (H2's take it as a hint and report the database's mode). */
    abstract boolean reportsReadOnly();

    private HikariDataSource pool(Properties poolSettings) throws SQLException {
        Properties config = database();
        config.setProperty("dataSourceName", "entraide");
        config.putAll(poolSettings);
        DataSource ds = new HikariPoolFactory().create(driver(), config);
        HikariDataSource pool = assertInstanceOf(HikariDataSource.class, ds, "the service is HikariCP's pool");
        opened.add(pool);
        return pool;
    }

    @AfterEach
    void close() {
        opened.forEach(HikariDataSource::close);
    }

    @Test
    void connectionsAreShapedByThePoolSettings() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("pool.readOnly", "true");
        settings.setProperty("pool.autoCommit", "false");
        settings.setProperty("pool.transactionIsolation", "TRANSACTION_SERIALIZABLE");
        settings.setProperty("pool.connectionInitSql", initSql());
        try (Connection c = pool(settings).getConnection()) {
            assertEquals(reportsReadOnly(), c.isReadOnly(), "pool.readOnly");
            assertFalse(c.getAutoCommit(), "pool.autoCommit");
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation(), "pool.transactionIsolation");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(initSqlProof())) {
                assertTrue(rs.next());
                assertEquals("entraide", rs.getString(1), "pool.connectionInitSql ran on the connection");
            }
        }
    }

    @Test
    void thePoolNeverOpensMoreThanItsMaximum() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("pool.maximumPoolSize", "2");
        settings.setProperty("pool.connectionTimeout", "250ms");
        settings.setProperty("pool.poolName", "entraide-test");
        HikariDataSource pool = pool(settings);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThrows(SQLTransientConnectionException.class, pool::getConnection, "a third connection waits, then fails");
            // what the core's metrics read (PoolSeries): the pool's counts and size
            assertEquals(2, pool.getHikariPoolMXBean().getActiveConnections(), "active connections");
            assertEquals(2, pool.getMaximumPoolSize(), "pool size");
            assertEquals("entraide-test", pool.getPoolName(), "pool.poolName");
        }
    }

    @Test
    void aWrongPoolSettingCreatesNoPool() {
        Properties settings = new Properties();
        settings.setProperty("pool.maximumPoolSise", "2");
        SQLException e = assertThrows(SQLException.class, () -> pool(settings));
        assertTrue(e.getMessage().startsWith("pool.maximumPoolSise: HikariCP has no setting"), e.getMessage());
    }

    @Test
    void anUnreachableDatabaseIsAnSqlExceptionForPaxJdbc() {
        Properties config = unreachableDatabase();
        config.setProperty("pool.connectionTimeout", "250ms");
        SQLException e = assertThrows(SQLException.class, () -> new HikariPoolFactory().create(driver(), config));
        assertTrue(e.getMessage().startsWith("HikariCP could not start the pool"), e.getMessage());
    }
}
