package org.entraide.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.entraide.api.model.Brand;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.feature.Capabilities;

/** {@code entraide:features <brand> [enable|disable <capability>]}: the capabilities a brand uses. */
@Command(scope = "entraide", name = "features", description = "Lists, enables or disables a brand's capabilities")
@Service
public class FeaturesCommand implements Action {
    @Reference
    Core core;

    @Argument(index = 0, name = "brand", description = "The brand's slug", required = true)
    String brand;

    @Argument(index = 1, name = "action", description = "enable or disable")
    String action;

    @Argument(index = 2, name = "capability", description = "The capability, such as reputation")
    String capability;

    @Override
    public Object execute() {
        Brand b = core.brands.find(brand).orElse(null);
        if (b == null) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        if (action != null) {
            if (!("enable".equals(action) || "disable".equals(action)) || capability == null) {
                System.err.println("Usage: entraide:features <brand> [enable|disable <capability>]");
                return null;
            }
            if (core.capabilities.list(b).stream().noneMatch(f -> f.name().equals(capability))) {
                System.err.println("No capability '" + capability + "' is installed (feature:install entraide-" + capability + ")");
                return null;
            }
            core.capabilities.setDirectly(b.id(), capability, "enable".equals(action));
        }
        ShellTable table = new ShellTable();
        table.column("Capability");
        table.column("Enabled");
        table.column("Description");
        for (Capabilities.FeatureView f : core.capabilities.list(b)) {
            table.addRow().addContent(f.name(), f.enabled() ? "yes" : "no", f.description());
        }
        table.print(System.out);
        return null;
    }
}
