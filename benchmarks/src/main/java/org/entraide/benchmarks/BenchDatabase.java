package org.entraide.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A new, empty database for one scenario behind the pool production uses (HikariCP, 8 connections, as in
 * config/org.ops4j.datasource-entraide.cfg), removed again by {@link #close()}.
 */
public final class BenchDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 8;

    final String url;
    public final HikariDataSource dataSource;
    private final Cleanup cleanup;

    private interface Cleanup {
        void run() throws Exception;
    }

    private BenchDatabase(String url, String user, Cleanup cleanup) {
        this.url = url;
        this.cleanup = cleanup;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("bench");
        this.dataSource = new HikariDataSource(config);
    }

    /**
     * An H2 file database in a new temporary folder. {@code durable} adds WRITE_DELAY=0, the shipped setting
     * (every commit written before it is acknowledged); without it H2 writes committed data up to 500 ms later.
     */
    public static BenchDatabase h2File(boolean durable) throws IOException {
        Path dir = Files.createTempDirectory("entraide-bench-h2-");
        String url = "jdbc:h2:file:" + dir.resolve("entraide") + (durable ? ";WRITE_DELAY=0" : "") + ";QUERY_CACHE_SIZE=256" + System.getProperty("bench.h2.options", "");
        return new BenchDatabase(url, "sa", () -> deleteTree(dir));
    }

    /** The same, for the benchmarks of other packages. */
    public static BenchDatabase postgresDatabase(String adminUrl) throws SQLException {
        return postgres(adminUrl);
    }

    /** A database named entraide_bench_… created on the server of {@code adminUrl} and dropped at the end. */
    static BenchDatabase postgres(String adminUrl) throws SQLException {
        String name = "entraide_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        // as config/org.ops4j.datasource-entraide.cfg advises: statements prepared on the server at their first use
        url += (url.contains("?") ? "&" : "?") + "prepareThreshold=1";
        return new BenchDatabase(url, null, () -> {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        });
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        cleanup.run();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
