package org.entraide.moderation.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.entraide.moderation.internal.Moderation;

/** Sets the arguments and options of {@link RuleSetsCommand} as Karaf does, runs it and returns what it printed. */
public final class CommandLine {
    private final RuleSetsCommand command = new RuleSetsCommand();

    public CommandLine(Moderation moderation, String brand) {
        command.moderation = moderation;
        command.brand = brand;
    }

    public CommandLine importing(String file) {
        command.importFile = file;
        return this;
    }

    public CommandLine activating(Long id) {
        command.activate = id;
        return this;
    }

    public CommandLine deactivating(Long id) {
        command.deactivate = id;
        return this;
    }

    public CommandLine trying(String text) {
        command.dryRun = text;
        return this;
    }

    /** Standard output and error together, as the console shows them. */
    public String run() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            command.execute();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
