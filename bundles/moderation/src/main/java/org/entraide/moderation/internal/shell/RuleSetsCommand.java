package org.entraide.moderation.internal.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.api.problem.ProblemException;
import org.entraide.moderation.internal.Moderation;
import org.entraide.moderation.internal.ModerationComponent;
import org.entraide.moderation.internal.RuleSetImport;
import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.moderation.internal.store.RuleSets;

/**
 * {@code entraide:moderation-rulesets [--import file | --activate id | --deactivate id | --dry-run text] <brand>}:
 * a brand's rule sets with their version, a file of rule sets stored as new versions, a rule set turned on or off,
 * or what the active rule sets would do to a text. Errors go to stderr with what to fix.
 */
@Command(scope = "entraide", name = "moderation-rulesets", description = "Lists, imports, activates or tries a brand's "
    + "moderation rule sets")
@Service
public class RuleSetsCommand implements Action {
    @Reference
    ModerationComponent moderation;

    @Argument(index = 0, name = "brand", description = "The brand's slug", required = true)
    String brand;

    @Option(name = "-i", aliases = "--import", description = "A JSON file {\"ruleSets\": [...]} to store as new versions")
    String importFile;

    @Option(name = "-a", aliases = "--activate", description = "The id of a rule set to turn on")
    Long activate;

    @Option(name = "-d", aliases = "--deactivate", description = "The id of a rule set to turn off")
    Long deactivate;

    @Option(name = "-n", aliases = "--dry-run", description = "A text to try against the brand's active rule sets")
    String dryRun;

    @Override
    public Object execute() {
        if ((importFile != null ? 1 : 0) + (activate != null ? 1 : 0) + (deactivate != null ? 1 : 0)
            + (dryRun != null ? 1 : 0) > 1) {
            System.err.println("Choose one of --import, --activate, --deactivate and --dry-run");
            return null;
        }
        RuleSetImport importer = moderation.moderation().ruleSetImport;
        Optional<Long> brandId = importer.brand(brand);
        if (brandId.isEmpty()) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        long id = brandId.get();
        try {
            if (importFile != null) {
                // relative to Karaf's home (etc/... as in the configuration), wherever the console was started
                importFrom(id, ModerationComponent.underHome(importFile));
            } else if (activate != null || deactivate != null) {
                boolean on = activate != null;
                RuleSets.Stored s = importer.activate(id, on ? activate : deactivate, on, null);
                System.out.println("Rule set " + s.id() + " (" + s.ruleSet().name() + ") is " + (on ? "active" : "inactive")
                    + ", version " + s.version());
            } else if (dryRun != null) {
                tryText(id);
            } else {
                list(id);
            }
        } catch (ProblemException e) {
            System.err.println(e.detail());
        }
        return null;
    }

    private void importFrom(long brandId, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return;
        }
        List<RuleSet> sets;
        try {
            sets = RuleSetImport.parse(bytes);
        } catch (IllegalArgumentException e) {
            System.err.println(file + " is invalid, nothing stored: " + e.getMessage());
            return;
        }
        moderation.moderation().ruleSetImport.apply(brandId, sets, null, file.getFileName().toString()).forEach(System.out::println);
    }

    private void tryText(long brandId) {
        // the engine skips inactive rule sets, as it does for submissions
        List<RuleSet> sets = moderation.moderation().ruleSetImport.current(brandId).stream().map(RuleSets.Stored::ruleSet).toList();
        Verdict v = moderation.moderation().engine.apply(sets, Candidate.text("QUESTION", null, dryRun));
        System.out.println("Decision: " + v.decision());
        System.out.println("Text: " + v.body());
        for (Verdict.Fired f : v.fired()) {
            System.out.println("  " + f.action() + " by " + f.ruleSet() + " / " + f.rule() + " (" + f.match() + "): " + f.reason().en());
        }
    }

    private void list(long brandId) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Version").alignRight();
        table.column("Active");
        table.column("Rules").alignRight();
        table.column("Updated");
        for (RuleSets.Stored s : moderation.moderation().ruleSetImport.current(brandId)) {
            table.addRow().addContent(s.id(), s.ruleSet().name(), s.version(), s.ruleSet().active() ? "yes" : "no",
                s.ruleSet().rules().size(), s.updatedAt().toString());
        }
        table.print(System.out);
    }
}
