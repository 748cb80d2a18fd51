package org.entraide.api.storage;

/**
 * Applies a bundle's versioned SQL migrations at start-up. The platform provides it; each bundle owns
 * its tables and calls it once from its component's activation. Scripts are named
 * {@code V<n>__<description>.sql} under {@code location} in the caller's class loader; the same SQL
 * must run on H2 and PostgreSQL.
 */
public interface SchemaMigrator {
    /**
     * @param owner short name of the owning bundle, such as "core" or "reputation"; it names the history table
     * @param classLoader the class loader that sees the scripts (the owning bundle's)
     * @param location the folder of the scripts, such as "db/reputation"
     * @throws IllegalStateException when a migration fails; nothing of that migration is applied
     */
    void migrate(String owner, ClassLoader classLoader, String location);
}
