package org.entraide.jdbc.pool.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.PropertyElf;

/**
 * One datasource configuration as pax-jdbc-config hands it to a pool (etc/org.ops4j.datasource-NAME.cfg less the keys
 * pax-jdbc-config keeps for itself), split in two: the pool's settings, {@code pool.NAME} (or pax-jdbc's older
 * {@code hikari.NAME}), each passed to HikariCP's setting NAME; and everything else, passed to the driver's
 * DataSourceFactory. A pool setting HikariCP does not have, or cannot take, is refused with a message naming the
 * key, rather than left out: a pool silently sized or timed otherwise than written is found only under load.
 */
final class PoolSettings {
    static final String PREFIX = "pool.";
    static final String OLD_PREFIX = "hikari.";
    /** pax-jdbc's name of the datasource: it names the service, the driver has no such property. */
    static final String DATASOURCE_NAME = "dataSourceName";
    /**
     * HikariCP settings that choose where connections come from. Here they come from the driver's DataSourceFactory,
     * so HikariCP would ignore them without a word: the driver's own keys (url, user, password...) say it instead.
     */
    static final Set<String> CONNECTION_SOURCE = Set.of("dataSource", "dataSourceClassName", "dataSourceJNDI",
        "dataSourceProperties", "driverClassName", "jdbcUrl");

    private final Properties driver;
    private final Map<String, String> pool;

    private PoolSettings(Properties driver, Map<String, String> pool) {
        this.driver = driver;
        this.pool = pool;
    }

    static PoolSettings of(Properties config) {
        Properties driver = new Properties();
        Map<String, String> pool = new LinkedHashMap<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith(PREFIX) || key.startsWith(OLD_PREFIX)) {
                pool.put(key, config.getProperty(key));
            } else if (!DATASOURCE_NAME.equals(key)) {
                driver.setProperty(key, config.getProperty(key));
            }
        }
        return new PoolSettings(driver, pool);
    }

    /** What the driver's DataSourceFactory receives: the configuration without the pool's keys. */
    Properties driverProperties() {
        Properties copy = new Properties();
        copy.putAll(driver);
        return copy;
    }

    /** A HikariConfig with every pool setting applied; the connections' source is left to the caller. */
    HikariConfig hikariConfig() throws SQLException {
        HikariConfig config = new HikariConfig();
        for (Map.Entry<String, String> setting : pool.entrySet()) {
            apply(config, setting.getKey(), setting.getValue());
        }
        return config;
    }

    private static void apply(HikariConfig config, String key, String value) throws SQLException {
        String name = key.substring(key.startsWith(PREFIX) ? PREFIX.length() : OLD_PREFIX.length());
        if (CONNECTION_SOURCE.contains(name) || name.startsWith("dataSource.")) {
            throw new SQLException(key + ": connections come from the driver named by osgi.jdbc.driver.class; set the"
                + " driver's own keys (url, user, password, or its properties) without the '" + PREFIX + "' prefix");
        }
        Set<String> known = PropertyElf.getPropertyNames(HikariConfig.class);
        if (!known.contains(name)) {
            throw new SQLException(key + ": HikariCP has no setting '" + name + "'; its settings are "
                + new TreeSet<>(known));
        }
        Properties one = new Properties();
        one.setProperty(name, value);
        try {
            PropertyElf.setTargetFromProperties(config, one);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a setting taking a class of a metrics library the distribution does not carry
            throw new SQLException(key + " = " + value + ": HikariCP cannot take this value (" + reason(e) + ")", e);
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
