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
