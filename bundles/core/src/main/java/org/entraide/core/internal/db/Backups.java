package org.entraide.core.internal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Online backups of the embedded H2 database ({@code BACKUP TO}): a consistent zip of the database file, taken
 * while the server keeps serving. PostgreSQL is backed up with its own tools, {@code pg_dump} and
 * {@code pg_restore} (docs/operations.md#backup-and-restore), which this refuses to imitate.
 */
public final class Backups {
    private final Database db;

    public Backups(Database db) {
        this.db = db;
    }

    /** Writes the backup to {@code file}, which must not exist yet; answers its size in bytes. */
    public long backup(Path file) {
        if (db.dialect() != Dialect.H2) {
            throw new UnsupportedOperationException("the database is PostgreSQL: back it up with pg_dump -Fc and restore "
                + "it with pg_restore (docs/operations.md, Backup and restore)");
        }
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already: choose a new file, a backup never overwrites one");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new IllegalArgumentException("no folder " + target.getParent() + " to write the backup in");
        }
        db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                // a path cannot be a statement parameter here: quote it as an SQL string literal
                s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
            return null;
        });
        try {
            return Files.size(target);
        } catch (IOException e) {
            throw new IllegalStateException("the backup " + target + " cannot be read back: " + e.getMessage(), e);
        }
    }
}
