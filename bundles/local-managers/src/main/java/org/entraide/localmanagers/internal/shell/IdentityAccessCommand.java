package org.entraide.localmanagers.internal.shell;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.api.problem.ProblemException;
import org.entraide.localmanagers.internal.LocalManagersComponent;
import org.entraide.localmanagers.internal.store.IdentityAccessLog;

/**
 * {@code entraide:identity-access [--complaint id] [--page n] <brand>}: who read which complainant's identity, and
 * when, newest first, 50 a page: the log behind the promise that every reading is logged.
 */
@Command(scope = "entraide", name = "identity-access", description = "Lists the readings of complainants' identities "
    + "in a brand")
@Service
public class IdentityAccessCommand implements Action {
    static final int PAGE_SIZE = 50;

    @Reference
    LocalManagersComponent plugin;

    @Argument(index = 0, name = "brand", description = "The brand's slug", required = true)
    String brand;

    @Option(name = "-c", aliases = "--complaint", description = "Only the readings of this complaint's author")
    Long complaint;

    @Option(name = "-p", aliases = "--page", description = "The page, from 1")
    int page = 1;

    @Override
    public Object execute() {
        if (page < 1) {
            System.err.println("--page is 1 or more");
            return null;
        }
        Optional<IdentityAccessLog.Page> found;
        try {
            found = plugin.plugin().identityAccess(brand, complaint, PAGE_SIZE, (long) (page - 1) * PAGE_SIZE);
        } catch (ProblemException e) {
            System.err.println(e.detail());
            return null;
        }
        if (found.isEmpty()) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("At");
        table.column("Complaint").alignRight();
        table.column("Store");
        table.column("Read by");
        for (IdentityAccessLog.Entry e : found.get().items()) {
            table.addRow().addContent(e.at().toString(), e.complaintId(), e.store() == null ? "" : e.store(),
                e.reader() + " (#" + e.readerId() + ")");
        }
        table.print(System.out);
        System.out.println(found.get().total() + " reading(s) in all; page " + page);
        return null;
    }
}
