package org.entraide.itests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, on the server of {@code entraide.test.postgresql.url}.
 * Without a server, null; under CI (the CI variable set) a missing server is an error.
 */
public final class PostgresDatabase {
    private final String adminUrl;
    private final String name;

    private PostgresDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    public static PostgresDatabase create() {
        String adminUrl = System.getProperty("entraide.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        String name = "entraide_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return new PostgresDatabase(adminUrl, name);
        } catch (SQLException e) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                throw new IllegalStateException("PostgreSQL is required under CI but unreachable at " + adminUrl, e);
            }
            System.err.println("PostgreSQL unreachable at " + adminUrl + ": PostgreSQL integration tests are skipped");
            return null;
        }
    }

    /** The JDBC URL of this database, without credentials. */
    public String url() {
        String base = adminUrl.replaceFirst("\\?.*$", "");
        return base.substring(0, base.lastIndexOf('/') + 1) + name;
    }

    public String name() {
        return name;
    }
}
