package org.entraide.jdbc.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.util.Credentials;
import com.zaxxer.hikari.util.PropertyElf;

import org.junit.jupiter.api.Test;

class PoolSettingsTest {
    /** Every HikariCP setting written as text, with a value that is not its default and what the config then holds. */
    private static final Map<String, Object[]> VALUES = Map.ofEntries(
        Map.entry("allowPoolSuspension", new Object[] { "true", true }),
        Map.entry("autoCommit", new Object[] { "false", false }),
        Map.entry("catalog", new Object[] { "forum", "forum" }),
        Map.entry("connectionInitSql", new Object[] { "SELECT 2", "SELECT 2" }),
        Map.entry("connectionTestQuery", new Object[] { "SELECT 3", "SELECT 3" }),
        Map.entry("connectionTimeout", new Object[] { "4000", 4000L }),
        Map.entry("idleTimeout", new Object[] { "5m", 300_000L }),
        Map.entry("initializationFailTimeout", new Object[] { "-1", -1L }),
        Map.entry("isolateInternalQueries", new Object[] { "true", true }),
        Map.entry("keepaliveTime", new Object[] { "60000", 60_000L }),
        Map.entry("leakDetectionThreshold", new Object[] { "20s", 20_000L }),
        Map.entry("maxLifetime", new Object[] { "1h", 3_600_000L }),
        Map.entry("maximumPoolSize", new Object[] { "7", 7 }),
        Map.entry("minimumIdle", new Object[] { "3", 3 }),
        Map.entry("password", new Object[] { "s3cret", "s3cret" }),
        Map.entry("poolName", new Object[] { "entraide", "entraide" }),
        Map.entry("readOnly", new Object[] { "true", true }),
        Map.entry("registerMbeans", new Object[] { "true", true }),
        Map.entry("schema", new Object[] { "community", "community" }),
        Map.entry("transactionIsolation", new Object[] { "TRANSACTION_SERIALIZABLE", "TRANSACTION_SERIALIZABLE" }),
        Map.entry("username", new Object[] { "entraide", "entraide" }),
        Map.entry("validationTimeout", new Object[] { "1500", 1500L }));

    /** Settings that take an object: HikariCP makes one from the class named (public no-argument constructor). */
    private static final Map<String, Class<?>> INSTANCES = Map.of(
        "credentialsProvider", Provider.class,
        "exceptionOverride", Override.class,
        "scheduledExecutor", Scheduler.class,
        "metricsTrackerFactory", Metrics.class,
        "threadFactory", Threads.class);

    /**
     * Settings naming a class HikariCP makes an instance of, and the setting that then holds it. (HikariCP 7.1.0's
     * setCredentialsProviderClassName stores the name it is given as the exception override's: only the instances
     * are checked.)
     */
    private static final Map<String, Object[]> CLASS_NAMES = Map.of(
        "credentialsProviderClassName", new Object[] { Provider.class, "credentialsProvider" },
        "exceptionOverrideClassName", new Object[] { Override.class, "exceptionOverride" });

    /**
     * Settings passed on like the others but of no use in a configuration file: registries of metrics libraries the
     * distribution does not carry, a Properties, a Credentials value (no public no-argument constructor).
     */
    private static final Set<String> CODE_ONLY = Set.of("credentials", "healthCheckProperties", "healthCheckRegistry",
        "metricRegistry");

    @Test
    void everyHikariSettingIsListedHere() {
        Set<String> listed = new HashSet<>(VALUES.keySet());
        listed.addAll(INSTANCES.keySet());
        listed.addAll(CLASS_NAMES.keySet());
        listed.addAll(CODE_ONLY);
        listed.addAll(PoolSettings.CONNECTION_SOURCE);
        assertEquals(new java.util.TreeSet<>(PropertyElf.getPropertyNames(HikariConfig.class)),
            new java.util.TreeSet<>(listed), "each HikariCP setting is tested here (a new HikariCP may add some)");
    }

    @Test
    void everyValueSettingReachesHikari() throws SQLException {
        Properties config = new Properties();
        VALUES.forEach((name, v) -> config.setProperty("pool." + name, (String) v[0]));
        HikariConfig hikari = PoolSettings.of(config).hikariConfig();
        VALUES.forEach((name, v) -> assertEquals(v[1], PropertyElf.getProperty(name, hikari), "pool." + name));
    }

    @Test
    void objectSettingsAreMadeFromTheClassNamed() throws SQLException {
        Properties config = new Properties();
        INSTANCES.forEach((name, type) -> config.setProperty("pool." + name, type.getName()));
        HikariConfig hikari = PoolSettings.of(config).hikariConfig();
        INSTANCES.forEach((name, type) -> assertInstanceOf(type, PropertyElf.getProperty(name, hikari), "pool." + name));
    }

    @Test
    void classNameSettingsMakeTheirInstance() throws SQLException {
        Properties config = new Properties();
        CLASS_NAMES.forEach((name, v) -> config.setProperty("pool." + name, ((Class<?>) v[0]).getName()));
        HikariConfig hikari = PoolSettings.of(config).hikariConfig();
        CLASS_NAMES.forEach((name, v) -> assertInstanceOf((Class<?>) v[0], PropertyElf.getProperty((String) v[1], hikari),
            "pool." + name));
    }

    @Test
    void paxJdbcOlderPrefixIsHonouredToo() throws SQLException {
        Properties config = new Properties();
        config.setProperty("hikari.maximumPoolSize", "5");
        config.setProperty("pool.minimumIdle", "2");
        HikariConfig hikari = PoolSettings.of(config).hikariConfig();
        assertEquals(5, hikari.getMaximumPoolSize(), "hikari.maximumPoolSize");
        assertEquals(2, hikari.getMinimumIdle(), "pool.minimumIdle");
    }

    @Test
    void theDriverGetsEverythingButThePoolAndTheServiceName() {
        Properties config = new Properties();
        config.setProperty("url", "jdbc:h2:mem:x");
        config.setProperty("user", "sa");
        config.setProperty("dataSourceName", "entraide");
        config.setProperty("pool.maximumPoolSize", "5");
        config.setProperty("hikari.minimumIdle", "1");
        assertEquals(Map.of("url", "jdbc:h2:mem:x", "user", "sa"), PoolSettings.of(config).driverProperties());
    }

    @Test
    void anUnknownSettingIsRefusedByItsKey() {
        Properties config = new Properties();
        config.setProperty("pool.maximumPoolSise", "5");
        SQLException e = assertThrows(SQLException.class, () -> PoolSettings.of(config).hikariConfig());
        assertTrue(e.getMessage().startsWith("pool.maximumPoolSise: HikariCP has no setting 'maximumPoolSise'"), e.getMessage());
        assertTrue(e.getMessage().contains("maximumPoolSize"), "the message lists the settings: " + e.getMessage());
    }

    @Test
    void aValueOfTheWrongKindIsRefusedByItsKey() {
        Properties config = new Properties();
        config.setProperty("pool.connectionTimeout", "thirty seconds");
        SQLException e = assertThrows(SQLException.class, () -> PoolSettings.of(config).hikariConfig());
        assertTrue(e.getMessage().startsWith("pool.connectionTimeout = thirty seconds: HikariCP cannot take this value"),
            e.getMessage());
    }

    @Test
    void aClassOfTheWrongKindIsRefusedByItsKey() {
        for (String name : new String[] { "metricRegistry", "threadFactory", "exceptionOverrideClassName", "healthCheckRegistry" }) {
            Properties config = new Properties();
            config.setProperty("pool." + name, "java.lang.StringBuilder");
            SQLException e = assertThrows(SQLException.class, () -> PoolSettings.of(config).hikariConfig(), name);
            assertTrue(e.getMessage().startsWith("pool." + name + " = java.lang.StringBuilder: HikariCP cannot take"),
                e.getMessage());
        }
    }

    @Test
    void aSettingOfTheConnectionsSourceIsRefusedAsItWouldBeIgnored() {
        for (String key : new String[] { "pool.jdbcUrl", "pool.dataSource.ssl", "hikari.driverClassName" }) {
            Properties config = new Properties();
            config.setProperty(key, "x");
            SQLException e = assertThrows(SQLException.class, () -> PoolSettings.of(config).hikariConfig(), key);
            assertTrue(e.getMessage().startsWith(key + ": connections come from the driver"), e.getMessage());
        }
    }

    public static final class Provider implements HikariCredentialsProvider {
        @java.lang.Override
        public Credentials getCredentials() {
            return Credentials.of("entraide", "s3cret");
        }
    }

    public static final class Override implements SQLExceptionOverride {
    }

    public static final class Scheduler extends java.util.concurrent.ScheduledThreadPoolExecutor {
        public Scheduler() {
            super(1);
        }
    }

    public static final class Metrics implements com.zaxxer.hikari.metrics.MetricsTrackerFactory {
        @java.lang.Override
        public com.zaxxer.hikari.metrics.IMetricsTracker create(String poolName, com.zaxxer.hikari.metrics.PoolStats stats) {
            return new com.zaxxer.hikari.metrics.IMetricsTracker() {
            };
        }
    }

    public static final class Threads implements ThreadFactory {
        @java.lang.Override
        public Thread newThread(Runnable r) {
            return Executors.defaultThreadFactory().newThread(r);
        }
    }
}
