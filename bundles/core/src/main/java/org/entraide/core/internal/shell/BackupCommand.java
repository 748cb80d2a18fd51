package org.entraide.core.internal.shell;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.entraide.core.internal.Core;

/** {@code entraide:backup <file>}: an online backup of the embedded H2 database, as a zip. */
@Command(scope = "entraide", name = "backup", description = "Online backup of the embedded H2 database to a new zip file "
    + "(PostgreSQL: use pg_dump, docs/operations.md)")
@Service
public class BackupCommand implements Action {
    @Reference
    Core core;

    @Argument(index = 0, name = "file", description = "the zip file to write (must not exist); relative to the Karaf folder",
        required = true)
    String file;

    @Override
    public Object execute() {
        Path target = Path.of(file);
        if (!target.isAbsolute()) {
            target = Path.of(System.getProperty("karaf.base", ".")).resolve(target);
        }
        try {
            long size = core.backups.backup(target);
            System.out.println("Backed up to " + target.toAbsolutePath().normalize() + " (" + size + " bytes)");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // thrown, not printed: the shell reports it and a script driving bin/client sees the failure
            throw new IllegalStateException("No backup: " + e.getMessage());
        }
        return null;
    }
}
