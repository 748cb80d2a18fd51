package org.entraide.localmanagers.internal.shell;

import org.entraide.core.internal.support.Printed;
import org.entraide.localmanagers.internal.LocalManagers;

/** Runs {@link IdentityAccessCommand} as Karaf does (fields set, then execute) and returns what it printed. */
public final class Console {
    private Console() {
    }

    public static String identityAccess(LocalManagers plugin, String brand, Long complaint) {
        IdentityAccessCommand command = new IdentityAccessCommand();
        command.plugin = org.entraide.localmanagers.internal.LocalManagersComponent.running(plugin);
        command.brand = brand;
        command.complaint = complaint;
        return Printed.by(command::execute);
    }
}
