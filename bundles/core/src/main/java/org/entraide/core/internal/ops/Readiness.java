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
    /** The last answer, so that a load balancer probing every second logs a change once, not every probe. */
    private volatile Report last;

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
        Report report = new Report(up(all), checks);
        Report before = last;
        last = report;
        if (before == null ? !report.ready() : !before.equals(report)) {
            if (report.ready()) {
                LOG.info("Ready again: {}", checks);
            } else {
                LOG.warn("Not ready: {}", checks);
            }
        }
        return report;
    }

    private boolean databaseAnswers() {
        try {
            return db.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    return s.execute("SELECT 1");
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("The database does not answer", e);
            return false;
        }
    }

    private boolean eventsCaughtUp() {
        try {
            long limit = maxLag.getAsLong();
            return monitor.subscribers().stream().filter(EventMonitor.SubscriberStatus::installed)
                .allMatch(s -> s.lag() <= limit);
        } catch (RuntimeException e) {
            LOG.debug("Event positions unreadable", e);
            return false;
        }
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
