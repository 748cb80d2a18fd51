package org.entraide.incidents.internal;

import java.sql.Connection;
import java.util.Optional;
import java.util.Set;

/**
 * The brand's regions as local managers keep them, when that plugin runs: a store's region and the regions a member
 * manages. Without it, incidents know stores only.
 */
public interface Regions {
    Regions NONE = new Regions() {
        @Override
        public Optional<String> regionOf(Connection c, long brandId, long storeId) {
            return Optional.empty();
        }

        @Override
        public Set<String> managedBy(Connection c, long brandId, long userId) {
            return Set.of();
        }

        @Override
        public java.util.List<Long> managersOf(Connection c, long brandId, String region) {
            return java.util.List.of();
        }
    };

    Optional<String> regionOf(Connection c, long brandId, long storeId);

    Set<String> managedBy(Connection c, long brandId, long userId);

    java.util.List<Long> managersOf(Connection c, long brandId, String region);
}
