package org.entraide.reputation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.reputation.internal.Reputation;
import org.entraide.reputation.internal.ReputationComponent;
import org.entraide.reputation.internal.recompute.RecomputeReport;

/** {@code reputation:recompute <brand> [--dry-run]}: scores a brand's past again with its current points table. */
@Command(scope = "reputation", name = "recompute", description = "Scores a brand's past again with its current points table")
@Service
public class RecomputeCommand implements Action {
    @Reference
    ReputationComponent plugin;

    @Argument(index = 0, name = "brand", description = "The brand's slug", required = true)
    String brand;

    @Option(name = "-d", aliases = "--dry-run", description = "Only report who would gain and lose what")
    boolean dryRun;

    @Override
    public Object execute() {
        Reputation reputation = plugin.reputation();
        Long brandId = Brands.id(reputation.platform, brand).orElse(null);
        if (brandId == null) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        RecomputeReport r = reputation.recomputation.run(brandId, dryRun);
        System.out.println((r.dryRun() ? "Dry run: nothing written. " : "Recomputed. ") + r.votes() + " votes and "
            + r.acceptances() + " acceptances scored, " + r.entries() + " ledger entries; " + r.gains().size()
            + " members gain, " + r.losses().size() + " lose.");
        ShellTable table = new ShellTable();
        table.column("Member").alignRight();
        table.column("Pseudonym");
        table.column("Before").alignRight();
        table.column("After").alignRight();
        table.column("Change").alignRight();
        for (var list : java.util.List.of(r.gains(), r.losses())) {
            for (RecomputeReport.Difference d : list) {
                table.addRow().addContent(d.userId(), d.pseudonym(), d.before(), d.after(),
                    (d.change() > 0 ? "+" : "") + d.change());
            }
        }
        table.print(System.out);
        return null;
    }
}
