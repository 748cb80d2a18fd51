package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.support.H2Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's tables travel in the core's backup: reputation earned before {@code entraide:backup} is there after the zip
 * is restored into a fresh server (docs/operations.md, Backup and restore).
 */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void reputationPointsSurviveABackupAndItsRestore() throws Exception {
        Path backup = dir.resolve("backup.zip");
        long bobId;
        int points;
        long ledger;
        HikariDataSource first = H2Files.pooled(dir.resolve("first"));
        try (Testbed bed = new Testbed(first).install(Testbed.settings()).enable()) {
            Testbed.Member alice = bed.register("Alice");
            Testbed.Member bob = bed.register("Bob");
            long q = bed.ask(alice, "Comment poser du carrelage mural ?");
            long a = bed.answer(bob, q);
            bed.accept(alice, q, a);
            bed.settle();
            bobId = bob.id();
            points = bed.reputation(bob);
            assertTrue(points > 0, "bob earned points before the backup: " + points);
            ledger = bed.count("SELECT COUNT(*) FROM reputation_entry");
            bed.server.core.backups.backup(backup);
        } finally {
            first.close();
        }

        Path restored = dir.resolve("restored");
        H2Files.unzip(backup, restored);
        HikariDataSource second = H2Files.pooled(restored);
        try (Testbed bed = new Testbed(second).install(Testbed.settings())) {
            assertEquals(points, bed.reputation(new Testbed.Member(bobId, null, null)), "bob's points are back");
            assertEquals(ledger, bed.count("SELECT COUNT(*) FROM reputation_entry"), "every ledger row is back");
        } finally {
            second.close();
        }
    }
}
