package org.entraide.reputation.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.reputation.internal.Reputation;
import org.entraide.reputation.internal.ReputationComponent;
import org.entraide.reputation.internal.gaming.SerialVoting;

/**
 * {@code reputation:serial-voting <brand>}: pairs of members whose votes look like serial voting now (the
 * job reverses them at its next run), then the cases it already reversed.
 */
@Command(scope = "reputation", name = "serial-voting", description = "Suspected serial voting in a brand")
@Service
public class SerialVotingCommand implements Action {
    @Reference
    ReputationComponent plugin;

    @Argument(index = 0, name = "brand", description = "The brand's slug", required = true)
    String brand;

    @Override
    public Object execute() {
        Reputation reputation = plugin.reputation();
        Long brandId = Brands.id(reputation.platform, brand).orElse(null);
        if (brandId == null) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        List<SerialVoting.Suspect> suspects = reputation.platform.tx().inTransaction(c ->
            reputation.serialVoting.suspects(c, brandId, reputation.clock.instant()));
        ShellTable table = new ShellTable();
        table.column("Voter").alignRight();
        table.column("Author").alignRight();
        table.column("Pattern");
        table.column("Votes to author").alignRight();
        table.column("Voter's votes").alignRight();
        for (SerialVoting.Suspect s : suspects) {
            table.addRow().addContent(s.voterId(), s.authorId(), s.pattern(), s.votes(), s.voterVotes());
        }
        table.print(System.out);
        var cases = reputation.platform.tx().inTransaction(c -> reputation.serialVotingJob.cases(c, brandId, 20));
        if (!cases.isEmpty()) {
            System.out.println("Reversed:");
            ShellTable reversed = new ShellTable();
            reversed.column("Case").alignRight();
            reversed.column("Detected at");
            reversed.column("Voter").alignRight();
            reversed.column("Author").alignRight();
            reversed.column("Pattern");
            reversed.column("Votes").alignRight();
            reversed.column("Points taken back").alignRight();
            cases.forEach(k -> reversed.addRow().addContent(k.id(), k.detectedAt(), k.voterId(), k.authorId(), k.pattern(),
                k.votes(), k.pointsReversed()));
            reversed.print(System.out);
        }
        return null;
    }
}
