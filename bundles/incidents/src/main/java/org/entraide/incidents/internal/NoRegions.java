package org.entraide.incidents.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.localmanagers.Regions;

/** Without local managers, incidents know stores only: no store has a region, nobody manages one. */
public final class NoRegions implements Regions {
    public static final Regions INSTANCE = new NoRegions();

    private NoRegions() {
    }

    @Override
    public Optional<String> regionOf(Connection c, long brandId, long storeId) {
        return Optional.empty();
    }

    @Override
    public Set<String> managedBy(Connection c, long brandId, long userId) {
        return Set.of();
    }

    @Override
    public List<Long> managersOf(Connection c, long brandId, String region) {
        return List.of();
    }
}
