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

    public FlywayMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
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
        } catch (RuntimeException e) {
            throw new IllegalStateException("migration of " + owner + " failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
