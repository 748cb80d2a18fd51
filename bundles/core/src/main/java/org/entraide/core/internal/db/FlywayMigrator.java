package org.entraide.core.internal.db;

import javax.sql.DataSource;

import org.entraide.api.storage.SchemaMigrator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flyway, one history table per owning bundle, so that each bundle versions its own tables. */
public final class FlywayMigrator implements SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrator.class);

    private final DataSource dataSource;
    /** The owners whose migrations last failed, with the reason: readiness reports them (health/ready). */
    private final java.util.Map<String, String> failed = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> migrated = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FlywayMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether {@code owner}'s schema was migrated, and no owner's migration has failed since start-up. */
    public boolean done(String owner) {
        return migrated.contains(owner) && failed.isEmpty();
    }

    /** The owners whose last migration failed. */
    public java.util.Set<String> failedOwners() {
        return java.util.Set.copyOf(failed.keySet());
    }

    @Override
    public synchronized void migrate(String owner, ClassLoader classLoader, String location) {
        if (!owner.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("migration owner must be a short lower-case name: " + owner);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // Flyway resolves its own resources (SQL parsers) through the context class loader.
            Thread.currentThread().setContextClassLoader(Flyway.class.getClassLoader());
            MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table("schema_history_" + owner)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
            LOG.info("Schema of {}: {} migration(s) applied, now at version {}", owner,
                result.migrationsExecuted, result.targetSchemaVersion);
            failed.remove(owner);
            migrated.add(owner);
        } catch (RuntimeException e) {
            failed.put(owner, String.valueOf(e.getMessage()));
            throw new IllegalStateException("migration of " + owner + " failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
