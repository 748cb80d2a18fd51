package org.entraide.reputation.internal.shell;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.reputation.internal.Reputation;
import org.entraide.reputation.internal.ReputationComponent;
import org.entraide.reputation.internal.ledger.Entry;
import org.entraide.reputation.internal.ledger.Member;

/** {@code reputation:show <user> [-n entries]}: a member's reputation and their latest ledger entries. */
@Command(scope = "reputation", name = "show", description = "A member's reputation and latest ledger entries")
@Service
public class ShowCommand implements Action {
    @Reference
    ReputationComponent plugin;

    @Argument(index = 0, name = "user", description = "The member's id", required = true)
    long userId;

    @Option(name = "-n", aliases = "--entries", description = "How many entries, newest first (default 20)")
    int entries = 20;

    @Override
    public Object execute() {
        Reputation reputation = plugin.reputation();
        var tx = reputation.platform.tx();
        Optional<Member> member = tx.inTransaction(c -> reputation.members.find(c, userId));
        if (member.isEmpty()) {
            System.err.println("No member " + userId + " in the reputation ledger");
            return null;
        }
        Member m = member.get();
        System.out.println((m.pseudonym() == null ? "#" + userId : m.pseudonym()) + " (brand " + m.brandId() + "): "
            + m.points() + " reputation" + (m.isStaff() ? ", staff " + m.staffRoles() : ""));
        List<Entry> history = tx.inTransaction(c -> reputation.ledger.history(c, userId, 0, Math.max(1, entries)));
        ShellTable table = new ShellTable();
        table.column("Entry").alignRight();
        table.column("At");
        table.column("Points").alignRight();
        table.column("Reason");
        table.column("Post").alignRight();
        table.column("By").alignRight();
        table.column("Notes");
        for (Entry e : history) {
            String notes = e.isReversal() ? "takes back #" + e.reversesId() + " (" + e.reversalCause() + ")"
                : (e.reversed() ? "reversed" : "") + (e.capped() ? " capped" : "");
            table.addRow().addContent(e.id(), e.occurredAt(), e.amount(), e.reason(), e.postId(), e.actorId(), notes.trim());
        }
        table.print(System.out);
        return null;
    }
}
