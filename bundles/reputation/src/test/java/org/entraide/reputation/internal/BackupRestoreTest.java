package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.h2.jdbcx.JdbcDataSource;
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
        HikariDataSource first = h2File(dir.resolve("first"));
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
        unzip(backup, restored);
        HikariDataSource second = h2File(restored);
        try (Testbed bed = new Testbed(second).install(Testbed.settings())) {
            assertEquals(points, bed.reputation(new Testbed.Member(bobId, null, null)), "bob's points are back");
            assertEquals(ledger, bed.count("SELECT COUNT(*) FROM reputation_entry"), "every ledger row is back");
        } finally {
            second.close();
        }
    }

    private static HikariDataSource h2File(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("entraide").toAbsolutePath() + ";WRITE_DELAY=0");
        h2.setUser("sa");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static void unzip(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path target = folder.resolve(e.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                Files.copy(entries, target);
            }
        }
    }
}
