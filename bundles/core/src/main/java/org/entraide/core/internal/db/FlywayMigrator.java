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

    private static final int IDENTITY_CACHE = 1000;

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
            cacheIdentities();
            failed.remove(owner);
            migrated.add(owner);
        } catch (RuntimeException e) {
            failed.put(owner, String.valueOf(e.getMessage()));
            throw new IllegalStateException("migration of " + owner + " failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * On H2, identity columns hand out ids from a cache of {@value #IDENTITY_CACHE} instead of H2's 32: H2 writes a
     * sequence's state in a transaction of its own each time its cache is used up, and each such commit stores every
     * table's and index's changes, so a statement inserting 100,000 rows (a fan-out, the daily digests) spent most of
     * its time in 3,000 of them. Ids stay in order; after a crash up to that many are skipped, and nothing relies on
     * ids without gaps (events get their positions from the sequencer). PostgreSQL is left as it is: there a cache is
     * per connection and would hand out ids out of order.
     */
    private void cacheIdentities() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            if (Dialect.of(c) != Dialect.H2) {
                return;
            }
            java.util.List<String> columns = new java.util.ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM "
                     + "INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND IDENTITY_CACHE < " + IDENTITY_CACHE)) {
                while (rs.next()) {
                    columns.add("ALTER TABLE \"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\" ALTER COLUMN \""
                        + rs.getString(3) + "\" SET CACHE " + IDENTITY_CACHE);
                }
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (java.sql.Statement s = c.createStatement()) {
                for (String alter : columns) {
                    s.execute(alter);
                }
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (java.sql.SQLException e) {
            // a tuning, not the schema: the database works as well without it, only slower on large inserts
            LOG.warn("Identity caches not set on H2: {}", e.getMessage());
        }
    }
}
