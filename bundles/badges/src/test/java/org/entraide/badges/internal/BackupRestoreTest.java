package org.entraide.badges.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.support.H2Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's tables travel in the core's backup: badges held before {@code entraide:backup} are held after the zip is
 * restored into a fresh server (docs/operations.md, Backup and restore).
 */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void badgesSurviveABackupAndItsRestore() throws Exception {
        Path backup = dir.resolve("backup.zip");
        long aliceId;
        long bobId;
        List<String> alices;
        List<String> bobs;
        HikariDataSource first = H2Files.pooled(dir.resolve("first"));
        try (Bed bed = new Bed(first).install()) {
            bed.enable(true);
            Bed.Member alice = bed.register("Alice");
            Bed.Member bob = bed.register("Bob");
            long q = bed.ask(alice, "Comment poser du carrelage mural ?", "bricolage");
            long a = bed.answer(bob, q);
            bed.accept(alice, q, a);
            bed.settle();
            aliceId = alice.id();
            bobId = bob.id();
            alices = bed.held(alice);
            bobs = bed.held(bob);
            assertTrue(bobs.contains("first-answer"), "bob earned a badge before the backup: " + bobs);
            bed.server.core.backups.backup(backup);
        } finally {
            first.close();
        }

        Path restored = dir.resolve("restored");
        H2Files.unzip(backup, restored);
        HikariDataSource second = H2Files.pooled(restored);
        try (Bed bed = new Bed(second).install()) {
            assertEquals(alices, bed.held(new Bed.Member(aliceId, null, null)), "alice's badges are back");
            assertEquals(bobs, bed.held(new Bed.Member(bobId, null, null)), "bob's badges are back");
        } finally {
            second.close();
        }
    }
}
