package org.entraide.jdbc.pool.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * On the server of {@code entraide.test.postgresql.url}; skipped with a message when it is unreachable, except under
 * CI (the CI variable set), where it fails. The pool only opens connections: no database is created.
 */
class PooledDataSourcePostgresTest extends PooledDataSourceScenarios {
    private static final String URL = System.getProperty("entraide.test.postgresql.url",
        "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @BeforeAll
    static void serverIsThere() {
        try (Connection c = DriverManager.getConnection(URL)) {
            c.isValid(1);
        } catch (SQLException e) {
            boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
            if (ci) {
                throw new IllegalStateException("PostgreSQL is required under CI but unreachable at " + URL, e);
            }
            System.err.println("WARNING: PostgreSQL unreachable at " + URL + ": PostgreSQL tests skipped");
            Assumptions.abort("PostgreSQL unreachable at " + URL);
        }
    }

    @Override
    DataSourceFactory driver() {
        return new PGDataSourceFactory();
    }

    @Override
    Properties database() {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, URL);
        return p;
    }

    @Override
    Properties unreachableDatabase() {
        Properties p = new Properties();
        // port 1 on the loopback: nothing listens there, so the connection is refused at once
        p.setProperty(DataSourceFactory.JDBC_URL, "jdbc:postgresql://127.0.0.1:1/entraide?user=postgres&connectTimeout=2");
        return p;
    }

    @Override
    boolean reportsReadOnly() {
        return true;
    }

    @Override
    String initSql() {
        return "SET application_name = 'entraide'";
    }

    @Override
    String initSqlProof() {
        return "SELECT current_setting('application_name')";
    }
}
