package org.entraide.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.H2Files;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The upgrade of docs/operations.md: a database file written by an earlier distribution (its H2 2.2 and Flyway 9.22,
 * loaded apart from this test's classes from target/previous-h2) opens with the current H2 and Flyway, which apply
 * nothing twice, keep its rows and go on writing.
 */
class H2FileUpgradeTest {
    private static final Path PREVIOUS = Path.of("target", "previous-h2");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2.2.220", "2.2.224"})
    void aFileOfAnEarlierDistributionOpensAndKeepsItsData(String previousH2) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("entraide").toAbsolutePath() + ";WRITE_DELAY=0";
        writeWithEarlierDistribution(previousH2, url);

        long posts;
        HikariDataSource upgraded = H2Files.pooled(dir);
        try (TestServer server = new TestServer(upgraded)) {
            List<String> history = server.core.db.inTransaction(c -> Sql.list(c,
                "SELECT \"version\", \"success\" FROM \"schema_history_core\" WHERE \"type\" = 'SQL' "
                    + "ORDER BY \"installed_rank\"", rs -> rs.getString(1) + ":" + rs.getBoolean(2)));
            assertEquals(migrations(), history.size(), "every migration applied once, by the earlier Flyway: " + history);
            assertTrue(history.stream().allMatch(h -> h.endsWith(":true")), "all succeeded: " + history);
            assertEquals(200, new Http(server.base()).get("/api/v1/brands/old/questions", null).status(),
                "the brand written by the earlier distribution is served");
            new DemoSeeder(server.core).seedIfAbsent();
            posts = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post"));
            assertTrue(posts > 0, "the upgraded file takes new writes");
        } finally {
            upgraded.close();
        }
        HikariDataSource reopened = H2Files.pooled(dir);
        try (Connection c = reopened.getConnection()) {
            assertEquals(posts, Sql.count(c, "SELECT COUNT(*) FROM post"), "and keeps them once reopened");
            assertEquals(1L, Sql.count(c, "SELECT COUNT(*) FROM brand WHERE slug = 'old'"), "with the earlier rows");
        } finally {
            reopened.close();
        }
    }

    /** The core's schema and one brand, through the earlier H2 and Flyway, which close the file when done. */
    private static void writeWithEarlierDistribution(String previousH2, String url) throws Exception {
        List<URL> jars = new ArrayList<>();
        jars.add(PREVIOUS.resolve(previousH2).resolve("h2-" + previousH2 + ".jar").toUri().toURL());
        try (Stream<Path> files = Files.list(PREVIOUS)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        // the migrations as that distribution shipped them: the same scripts, which are never edited once released
        jars.add(Path.of("target", "classes").toUri().toURL());
        ClassLoader previousContext = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader earlier = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(earlier);
            Class<?> flyway = earlier.loadClass("org.flywaydb.core.Flyway");
            Object config = flyway.getMethod("configure", ClassLoader.class).invoke(null, earlier);
            Class<?> fluent = config.getClass();
            config = fluent.getMethod("dataSource", String.class, String.class, String.class).invoke(config, url, "sa", "");
            config = fluent.getMethod("locations", String[].class).invoke(config, (Object) new String[] {"classpath:db/core"});
            config = fluent.getMethod("table", String.class).invoke(config, "schema_history_core");
            config = fluent.getMethod("baselineOnMigrate", boolean.class).invoke(config, true);
            config = fluent.getMethod("baselineVersion", String.class).invoke(config, "0");
            Object loaded = fluent.getMethod("load").invoke(config);
            Method migrate = loaded.getClass().getMethod("migrate");
            migrate.invoke(loaded);

            Driver driver = (Driver) earlier.loadClass("org.h2.Driver").getConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.setProperty("user", "sa");
            credentials.setProperty("password", "");
            try (Connection c = driver.connect(url, credentials); Statement s = c.createStatement()) {
                assertTrue(c.getMetaData().getDatabaseProductVersion().startsWith(previousH2),
                    "written by H2 " + previousH2 + ": " + c.getMetaData().getDatabaseProductVersion());
                s.executeUpdate("INSERT INTO brand (slug, name, created_at) VALUES ('old', 'Old', CURRENT_TIMESTAMP)");
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previousContext);
        }
    }

    private static long migrations() throws Exception {
        try (Stream<Path> scripts = Files.list(Path.of("target", "classes", "db", "core"))) {
            return scripts.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
