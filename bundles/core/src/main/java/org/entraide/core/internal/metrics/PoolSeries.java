package org.entraide.core.internal.metrics;

import java.lang.reflect.Method;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Connections of the database pool, when it is HikariCP (in Karaf, the pool org.entraide.jdbc.pool gives pax-jdbc).
 * Read through Hikari's public methods by reflection, so that the core neither imports Hikari's packages nor fails to
 * resolve without them: the pool is the datasource configuration's choice, and another pool simply yields no series.
 */
final class PoolSeries {
    private PoolSeries() {
    }

    static void write(DataSource dataSource, PrometheusText out) {
        Object pool = call(dataSource, "getHikariPoolMXBean");
        if (pool == null) {
            return;
        }
        out.family("entraide_db_pool_connections", "gauge", "Database pool connections, by state (active, idle, pending = threads waiting)");
        for (var state : Map.of("active", "getActiveConnections", "idle", "getIdleConnections",
            "pending", "getThreadsAwaitingConnection").entrySet()) {
            Object value = call(pool, state.getValue());
            if (value instanceof Number n) {
                out.sample("entraide_db_pool_connections", Map.of("state", state.getKey()), n.doubleValue());
            }
        }
        Object max = call(dataSource, "getMaximumPoolSize");
        if (max instanceof Number n) {
            out.family("entraide_db_pool_max_connections", "gauge", "Largest number of connections the pool opens");
            out.sample("entraide_db_pool_max_connections", n.doubleValue());
        }
    }

    private static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
