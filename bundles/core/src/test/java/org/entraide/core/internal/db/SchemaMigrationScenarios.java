package org.entraide.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.support.ApiScenarios;
import org.junit.jupiter.api.Test;
import org.entraide.jdbc.Sql;

/** The schema is created and upgraded by versioned migrations at start-up, each owner with its own history. */
public abstract class SchemaMigrationScenarios extends ApiScenarios {

    @Test
    void theCoreSchemaIsMigratedOnceAndKeptOnRestart() {
        List<String> before = history("core");
        assertTrue(before.contains("1:true"), "version 1 of the core schema is applied: " + before);

        Core restarted = new Core(dataSource, CoreSettings.defaults(), (u, p) -> false, new PasswordHasher(64, 1),
            Clock.systemUTC());
        assertEquals(before, history("core"), "a restart applies nothing twice");
        assertTrue(restarted.brands.find("demo").isPresent(), "and keeps the data");
    }

    @Test
    void eachOwnerVersionsItsOwnTables() {
        ClassLoader loader = getClass().getClassLoader();
        server.core.migrator.migrate("testplugin", loader, "db/testplugin-v1");
        assertEquals(List.of("1:true"), history("testplugin"), "the plugin's first version, in its own history");
        server.core.db.inTransaction(c -> Sql.update(c, "INSERT INTO testplugin_note (text) VALUES (?)", "kept"));

        server.core.migrator.migrate("testplugin", loader, "db/testplugin-v2");
        assertEquals(List.of("1:true", "2:true"), history("testplugin"), "the upgrade applies version 2 only");
        long kept = server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM testplugin_note WHERE text = 'kept' AND author IS NULL"));
        assertEquals(1, kept, "rows written before the upgrade are kept");
        assertTrue(history("core").contains("1:true"), "the core's history is untouched");
        assertThrows(IllegalArgumentException.class, () -> server.core.migrator.migrate("Bad Owner!", loader, "db/x"),
            "an owner is a short lower-case name");
    }

    /**
     * On H2 every identity column, the core's and a plugin's, hands out ids from a cache of 1,000 (H2 commits a
     * sequence's state each time its cache is used up, costly in large inserts); on PostgreSQL they keep a cache of
     * one, where a larger one would give ids out of order across connections. Ids stay in order either way.
     */
    @Test
    void identityColumnsHandOutIdsFromALargeCacheOnH2Only() {
        server.core.migrator.migrate("testplugin", getClass().getClassLoader(), "db/testplugin-v1");
        boolean h2 = server.core.db.dialect() == Dialect.H2;
        for (String table : List.of("testplugin_note", "domain_event", "mail_outbox")) {
            long cache = server.core.db.inTransaction(c -> h2
                ? Sql.count(c, "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? "
                    + "AND COLUMN_NAME = 'ID'", table.toUpperCase(java.util.Locale.ROOT))
                : Sql.count(c, "SELECT cache_size FROM pg_sequences WHERE sequencename = ?", table + "_id_seq"));
            assertEquals(h2 ? 1000 : 1, cache, table);
        }
        List<Long> ids = server.core.db.inTransaction(c -> {
            for (int i = 0; i < 3; i++) {
                Sql.update(c, "INSERT INTO testplugin_note (text) VALUES (?)", "note " + i);
            }
            return Sql.list(c, "SELECT id FROM testplugin_note ORDER BY text", rs -> rs.getLong(1));
        });
        assertTrue(ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2), ids.toString());
    }

    /** Accounts made before e-mail verification existed keep working: the upgrade counts them as verified. */
    @Test
    void accountsFromBeforeVerificationCountAsVerified() {
        javax.sql.DataSource old = dataSource instanceof org.h2.jdbcx.JdbcDataSource
            ? org.entraide.core.internal.support.TestDatabases.h2() : org.entraide.core.internal.support.TestDatabases.postgres();
        try {
            org.flywaydb.core.Flyway.configure(Core.class.getClassLoader()).dataSource(old).locations("classpath:db/core")
                .table("schema_history_core").baselineOnMigrate(true).baselineVersion("0").target("5").load().migrate();
            Database db = new Database(old);
            db.inTransaction(c -> {
                long brand = Sql.insert(c, "INSERT INTO brand (slug, name, created_at) VALUES ('old', 'Old', ?)",
                    java.time.Instant.now());
                return Sql.insert(c, "INSERT INTO app_user (brand_id, email, pseudonym, pseudonym_key, password_hash, created_at) "
                    + "VALUES (?, 'early@old.example', 'Early', 'early', 'x', ?)", brand, java.time.Instant.now());
            });
            new Core(old, CoreSettings.defaults(), (u, p) -> false, new PasswordHasher(64, 1), Clock.systemUTC());
            assertEquals(1L, (long) db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE email = "
                + "'early@old.example' AND email_verified_at IS NOT NULL")), "the early account counts as verified");
        } finally {
            if (!(old instanceof org.h2.jdbcx.JdbcDataSource)) {
                org.entraide.core.internal.support.TestDatabases.dropPostgres(old);
            }
        }
    }

    @Test
    void healthReportsTheDatabaseInUse() {
        var health = http.get("/api/v1/health", null);
        assertEquals(200, health.status(), "health answers 200: " + health);
        assertEquals("UP", health.json().get("status").asText(), "the API is up: " + health);
        assertEquals(server.core.db.dialect().name(), health.json().get("database").asText(), "on its database: " + health);
    }

    /** "version:success" of the migrations an owner applied, in order (a baseline row is no migration). */
    private List<String> history(String owner) {
        return server.core.db.inTransaction(c -> Sql.list(c, "SELECT \"version\", \"success\" FROM \"schema_history_" + owner
            + "\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"", rs -> rs.getString(1) + ":" + rs.getBoolean(2)));
    }
}
