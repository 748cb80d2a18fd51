package org.entraide.moderation.internal.shell;

import org.entraide.core.internal.support.Printed;
import org.entraide.moderation.internal.Moderation;

/** Sets the arguments and options of {@link RuleSetsCommand} as Karaf does, runs it and returns what it printed. */
public final class CommandLine {
    private final RuleSetsCommand command = new RuleSetsCommand();

    public CommandLine(Moderation moderation, String brand) {
        command.moderation = org.entraide.moderation.internal.ModerationComponent.running(moderation);
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
        return Printed.by(command::execute);
    }
}
