package org.entraide.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.support.H2Files;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entraide:backup}: a running server's H2 database backed up while it serves, unzipped as docs/operations.md
 * says into a fresh server's data folder, which then finds every post, complaint, event and account. On PostgreSQL
 * the command refuses and names pg_dump.
 */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void aBackupOfARunningServerRestoresEverything() throws Exception {
        Path backup = dir.resolve("backup.zip");
        long questionId;
        long complaintId;
        long posts;
        long events;
        HikariDataSource first = H2Files.pooled(dir.resolve("first"));
        try (TestServer server = new TestServer(first)) {
            new DemoSeeder(server.core).seedIfAbsent();
            Community community = new Community(new Http(server.base()));
            Member asker = community.join("demo");
            questionId = community.askId(asker, "Will this question survive a restore?");
            community.answer(community.join("demo"), "demo", questionId, "It will, with its answer.");
            complaintId = community.complaintId(asker, "LYON-PARTDIEU", false);
            community.respond(community.demo("manager"), "demo", complaintId, "We are on it.");
            posts = count(server, "SELECT COUNT(*) FROM post");
            events = count(server, "SELECT COUNT(*) FROM domain_event");

            long size = server.core.backups.backup(backup);
            assertTrue(size > 0 && Files.size(backup) == size, "a backup file was written: " + size);
            assertEquals(200, new Http(server.base()).get("/api/v1/health", null).status(), "the server kept serving");
            assertThrows(IllegalArgumentException.class, () -> server.core.backups.backup(backup),
                "an existing file is never overwritten");
        } finally {
            first.close();
        }

        Path restored = dir.resolve("restored");
        H2Files.unzip(backup, restored);
        HikariDataSource second = H2Files.pooled(restored);
        try (TestServer server = new TestServer(second)) {
            assertEquals(posts, count(server, "SELECT COUNT(*) FROM post"), "every post is back");
            assertEquals(events, count(server, "SELECT COUNT(*) FROM domain_event"), "every event is back");
            Http http = new Http(server.base());
            Http.Response question = http.get("/api/v1/brands/demo/questions/" + questionId, null);
            assertEquals(200, question.status(), question.toString());
            assertEquals("Will this question survive a restore?", question.json().get("title").asText());
            assertEquals(1, question.json().get("answers").size(), "with its answer: " + question);
            Http.Response complaint = http.get("/api/v1/brands/demo/complaints/" + complaintId, null);
            assertEquals(200, complaint.status(), complaint.toString());
            Member manager = new Community(http).demo("manager");
            assertTrue(manager.token() != null, "accounts log in with their passwords");
        } finally {
            second.close();
        }
    }

    @Test
    void onPostgresqlTheCommandRefersToPgDump() throws Exception {
        DataSource postgres = TestDatabases.postgres();
        try (TestServer server = new TestServer(postgres)) {
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> server.core.backups.backup(dir.resolve("pg.zip")));
            assertTrue(refused.getMessage().contains("pg_dump"), refused.getMessage());
            assertTrue(!Files.exists(dir.resolve("pg.zip")), "nothing written");
        } finally {
            TestDatabases.dropPostgres(postgres);
        }
    }

    private static long count(TestServer server, String sql) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql));
    }
}
