package org.entraide.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.event.DeadLetters;

/** {@code entraide:dead-letters [-s subscriber]}: events parked after too many failures. */
@Command(scope = "entraide", name = "dead-letters", description = "Events a subscriber failed on too many times")
@Service
public class DeadLettersCommand implements Action {
    @Reference
    Core core;

    @Option(name = "-s", aliases = "--subscriber", description = "Only this subscriber")
    String subscriber;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Subscriber");
        table.column("Event").alignRight();
        table.column("Type");
        table.column("Attempts").alignRight();
        table.column("Parked at");
        table.column("Error");
        for (DeadLetters.DeadLetter d : core.deadLetters.pending(subscriber)) {
            table.addRow().addContent(d.id(), d.subscriber(), d.eventId(), d.eventType(), d.attempts(), d.parkedAt(), d.error());
        }
        table.print(System.out);
        return null;
    }
}
