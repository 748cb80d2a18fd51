package org.entraide.core.internal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, empty databases for tests: an in-memory H2 one, or a new PostgreSQL database on the server of
 * {@code entraide.test.postgresql.url}. Without a reachable server the PostgreSQL tests are skipped with a
 * message, except under CI (the CI variable set), where they fail.
 */
public final class TestDatabases {
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();
    private TestDatabases() {
    }

    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** A new database named entraide_test_…, dropped by {@link #dropPostgres(DataSource)}. */
    public static DataSource postgres() {
        String adminUrl = System.getProperty("entraide.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        String name = "entraide_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
            if (ci) {
                throw new IllegalStateException("PostgreSQL is required under CI but unreachable at " + adminUrl, e);
            }
            String message = "PostgreSQL unreachable at " + adminUrl + " (" + e.getMessage() + "): PostgreSQL tests skipped";
            // A class skipped in @BeforeAll counts no test in the build's summary: say it once on the console.
            if (!WARNED.getAndSet(true)) {
                System.err.println("WARNING: " + message);
            }
            Assumptions.abort(message);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        return pooled(ds);
    }

    /**
     * Pooled like Karaf's datasource (Hikari, at most 16 connections): a new PostgreSQL connection per
     * transaction would make the tests several times slower than the product.
     */
    private static DataSource pooled(PGSimpleDataSource ds) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setPoolName(ds.getDatabaseName());
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    public static void dropPostgres(DataSource ds) {
        if (ds instanceof HikariDataSource pool) {
            pool.close();
            ds = pool.getDataSource();
        }
        if (!(ds instanceof PGSimpleDataSource pg)) {
            return;
        }
        String adminUrl = System.getProperty("entraide.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + pg.getDatabaseName() + " WITH (FORCE)");
        } catch (SQLException e) {
            // leaving a test database behind is untidy, not a failure
        }
    }
}
