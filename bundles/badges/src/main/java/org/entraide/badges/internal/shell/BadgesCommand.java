package org.entraide.badges.internal.shell;

import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.api.model.Brand;
import org.entraide.badges.internal.BadgeDefinition;
import org.entraide.badges.internal.Badges;
import org.entraide.badges.internal.BadgesComponent;
import org.entraide.badges.internal.store.Awards.Award;

/**
 * {@code entraide:badges <brand> [badge] [--evaluate]}: a brand's badges with their holder counts, the holders
 * of one badge, or a full re-evaluation of the brand (retroactive awards and revocations).
 */
@Command(scope = "entraide", name = "badges", description = "Lists a brand's badges and holders, or re-evaluates the brand")
@Service
public class BadgesCommand implements Action {
    @Reference
    BadgesComponent plugin;

    @Argument(index = 0, name = "brand", description = "The brand's slug", required = true)
    String brand;

    @Argument(index = 1, name = "badge", description = "A badge's key: list its holders")
    String badge;

    @Option(name = "-e", aliases = "--evaluate", description = "Evaluate every member of the brand again")
    boolean evaluate;

    @Override
    public Object execute() {
        Badges badges = plugin.badges();
        var tx = badges.tx;
        Optional<Long> brandId = tx.inTransaction(c -> badges.core.brands().bySlug(c, brand).map(Brand::id));
        if (brandId.isEmpty()) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        long id = brandId.get();
        if (evaluate) {
            int changes = badges.catchUp.evaluateBrand(id, null);
            System.out.println("Brand " + brand + " evaluated: " + changes + " awards or revocations");
            return null;
        }
        if (badge != null) {
            if (tx.inTransaction(c -> badges.definitions.find(c, id, badge)).isEmpty()) {
                // a key is looked up in the brand named: another brand's badge is unknown here
                System.err.println("No badge '" + badge + "' in brand " + brand);
                return null;
            }
            var holders = tx.inTransaction(c -> badges.awards.holders(c, id, badge, 1000, 0));
            System.out.println(holders.size() + " holder(s) of " + badge + " in " + brand);
            ShellTable table = new ShellTable();
            table.column("Member").alignRight();
            table.column("Scope");
            table.column("Post").alignRight();
            table.column("Awarded");
            for (Award a : holders) {
                table.addRow().addContent(String.valueOf(a.userId()), a.scope().isEmpty() ? "(brand)" : a.scope(),
                    a.postId() == null ? "" : String.valueOf(a.postId()), a.awardedAt().toString());
            }
            table.print(System.out);
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Badge");
        table.column("Tier");
        table.column("Criterion");
        table.column("Holders").alignRight();
        Map<String, Long> counts = tx.inTransaction(c -> badges.awards.holderCounts(c, id));
        for (BadgeDefinition b : tx.inTransaction(c -> badges.definitions.of(c, id)).values()) {
            table.addRow().addContent(b.key(), b.tier(), b.criterion(), counts.getOrDefault(b.key(), 0L));
        }
        table.print(System.out);
        return null;
    }
}
