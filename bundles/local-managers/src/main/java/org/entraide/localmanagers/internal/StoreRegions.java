package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.localmanagers.Regions;
import org.entraide.jdbc.Sql;

/** The regions of the brand's stores and their managers, for other plugins (incidents). */
public final class StoreRegions implements Regions {
    @Override
    public Optional<String> regionOf(Connection c, long brandId, long storeId) {
        return Sql.one(c, "SELECT r.code FROM lm_store s JOIN lm_region r ON r.id = s.region_id WHERE s.brand_id = ? "
            + "AND s.store_id = ?", rs -> rs.getString(1), brandId, storeId);
    }

    @Override
    public Set<String> managedBy(Connection c, long brandId, long userId) {
        return new LinkedHashSet<>(Sql.list(c, "SELECT r.code FROM lm_region r JOIN lm_region_manager m ON m.region_id = r.id "
            + "WHERE r.brand_id = ? AND m.user_id = ? ORDER BY r.code", rs -> rs.getString(1), brandId, userId));
    }

    @Override
    public List<Long> managersOf(Connection c, long brandId, String region) {
        return Sql.list(c, "SELECT m.user_id FROM lm_region r JOIN lm_region_manager m ON m.region_id = r.id "
            + "WHERE r.brand_id = ? AND r.code = ? ORDER BY m.user_id", rs -> rs.getLong(1), brandId, region);
    }
}
