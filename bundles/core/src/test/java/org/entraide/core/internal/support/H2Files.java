package org.entraide.core.internal.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.h2.jdbcx.JdbcDataSource;

/** H2 file databases as Karaf runs them, and the restore of a backup as docs/operations.md describes it. */
public final class H2Files {
    private H2Files() {
    }

    /** An H2 database in {@code folder}, as Karaf's (a file, WRITE_DELAY=0), pooled. */
    public static HikariDataSource pooled(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("entraide").toAbsolutePath() + ";WRITE_DELAY=0");
        h2.setUser("sa");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** The restore of docs/operations.md: the zip's files into the (empty) data folder, never outside it. */
    public static void unzip(Path zip, Path folder) throws IOException {
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
