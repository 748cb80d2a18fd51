package org.entraide.incidents.internal.web;

import java.sql.Connection;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

import org.entraide.api.localmanagers.Regions;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;

/**
 * Who handles an incident: the brand's admins (the central team) any; with local managers, a region's managers one that
 * names only regions they manage and stores of those regions. Another region's incident, or the whole brand's, is the
 * central team's.
 */
final class Deciders {
    private final Supplier<Regions> regions;

    Deciders(Supplier<Regions> regions) {
        this.regions = regions;
    }

    /** A store's region, or null. */
    String regionOf(Connection c, long brandId, long storeId) {
        return regions.get().regionOf(c, brandId, storeId).orElse(null);
    }

    void require(Connection c, Caller caller, Collection<String> incidentRegions, Collection<Long> storeIds) {
        if (caller.has(Role.BRAND_ADMIN)) {
            return;
        }
        Set<String> mine = regions.get().managedBy(c, caller.brandId(), caller.userId());
        boolean regional = !mine.isEmpty() && !incidentRegions.isEmpty() && mine.containsAll(incidentRegions)
            && storeIds.stream().allMatch(s -> regions.get().regionOf(c, caller.brandId(), s).filter(mine::contains).isPresent());
        if (!regional) {
            throw ProblemException.forbidden("the brand's admins, or the managers of every region it names, handle an incident");
        }
    }
}
