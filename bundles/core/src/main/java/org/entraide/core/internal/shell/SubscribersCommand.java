package org.entraide.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.event.EventMonitor;

/** {@code entraide:subscribers}: each event subscriber's position, lag, throughput and errors. */
@Command(scope = "entraide", name = "subscribers", description = "Event subscribers: position, lag, throughput, errors")
@Service
public class SubscribersCommand implements Action {
    @Reference
    Core core;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Subscriber");
        table.column("Installed");
        table.column("Position").alignRight();
        table.column("Lag").alignRight();
        table.column("Applied").alignRight();
        table.column("Events/s").alignRight();
        table.column("Failures").alignRight();
        table.column("Dead letters").alignRight();
        table.column("Last error");
        for (EventMonitor.SubscriberStatus s : core.monitor.subscribers()) {
            table.addRow().addContent(s.name(), s.installed() ? "yes" : "no", s.position(), s.lag(), s.applied(),
                String.format("%.1f", s.eventsPerSecond()), s.failures(), s.deadLetters(),
                s.lastError() == null ? "" : s.lastError());
        }
        table.print(System.out);
        return null;
    }
}
