package org.entraide.core.internal.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.db.FlywayMigrator;
import org.entraide.core.internal.event.EventMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node should receive traffic: its database answers, every schema migrated, and no installed event
 * subscriber is further behind than the configured lag. The answer names each check with UP or DOWN only: it is
 * public, for load balancers, and says nothing of the data, the versions or the plugins.
 */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** {@code status} is UP when every check is. */
    public record Report(String status, Map<String, String> checks) {
        public boolean ready() {
            return "UP".equals(status);
        }
    }

    private final Database db;
    private final FlywayMigrator migrator;
    private final EventMonitor monitor;
    private final LongSupplier maxLag;

    public Readiness(Database db, FlywayMigrator migrator, EventMonitor monitor, LongSupplier maxLag) {
        this.db = db;
        this.migrator = migrator;
        this.monitor = monitor;
        this.maxLag = maxLag;
    }

    public Report check() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean database = databaseAnswers();
        checks.put("database", up(database));
        checks.put("migrations", up(migrator.done("core")));
        checks.put("events", up(database && eventsCaughtUp()));
        boolean all = checks.values().stream().allMatch("UP"::equals);
        return new Report(up(all), checks);
    }

    private boolean databaseAnswers() {
        try {
            return db.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    return s.execute("SELECT 1");
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Not ready: the database does not answer ({})", e.getMessage());
            return false;
        }
    }

    private boolean eventsCaughtUp() {
        try {
            long limit = maxLag.getAsLong();
            return monitor.subscribers().stream().filter(EventMonitor.SubscriberStatus::installed)
                .allMatch(s -> s.lag() <= limit);
        } catch (RuntimeException e) {
            LOG.warn("Not ready: event positions unreadable ({})", e.getMessage());
            return false;
        }
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
