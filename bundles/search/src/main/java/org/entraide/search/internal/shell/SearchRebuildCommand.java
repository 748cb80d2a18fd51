package org.entraide.search.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.entraide.api.model.Brand;
import org.entraide.api.platform.Brands;
import org.entraide.search.internal.SearchPlugin;

/** {@code entraide:search-rebuild [brand]}: this node's search index of one brand, or of all, again from the database. */
@Command(scope = "entraide", name = "search-rebuild", description = "Rebuilds this node's search index from the database")
@Service
public class SearchRebuildCommand implements Action {
    @Reference
    SearchPlugin plugin;

    @Reference
    Brands brands;

    @Argument(index = 0, name = "brand", description = "The brand's slug (all brands without it)")
    String brand;

    @Override
    public Object execute() {
        if (brand == null) {
            System.out.println("Search index rebuilt: " + plugin.rebuildAll() + " documents");
            return null;
        }
        Brand b = plugin.tx().inTransaction(c -> brands.bySlug(c, brand)).orElse(null);
        if (b == null) {
            System.err.println("No brand '" + brand + "'");
            return null;
        }
        System.out.println("Search index of " + brand + " rebuilt: " + plugin.rebuild(b.id()) + " documents");
        return null;
    }
}
