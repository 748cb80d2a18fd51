package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entraide.api.localmanagers.Assignment;
import org.entraide.api.localmanagers.Assignments;
import org.entraide.jdbc.Sql;

/**
 * Who handles a complaint, for other plugins (the channels' relay and attachments): its assignment row, and the
 * managers of its store's region once it was escalated there, in one query (a row per region manager).
 */
public final class ComplaintAssignments implements Assignments {
    private static final String QUERY = "SELECT a.store_id, a.manager_id, a.level, r.code AS region, m.user_id AS region_manager "
        + "FROM lm_assignment a "
        + "LEFT JOIN lm_store s ON s.store_id = a.store_id "
        // the region counts only once the store's deadline sent the complaint there (a hand-over skips it)
        + "LEFT JOIN lm_region r ON r.id = s.region_id AND r.brand_id = a.brand_id AND a.escalated_region IS NOT NULL "
        + "LEFT JOIN lm_region_manager m ON m.region_id = r.id "
        + "WHERE a.complaint_id = ? AND a.brand_id = ? ORDER BY m.user_id";

    private record Row(long storeId, Long managerId, String level, String region, Long regionManager) {
    }

    @Override
    public Optional<Assignment> of(Connection c, long brandId, long complaintId) {
        List<Row> rows = Sql.list(c, QUERY, rs -> new Row(rs.getLong("store_id"), Sql.nullableLong(rs, "manager_id"),
            rs.getString("level"), rs.getString("region"), Sql.nullableLong(rs, "region_manager")), complaintId, brandId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        List<Long> regionManagers = new ArrayList<>();
        for (Row r : rows) {
            if (r.regionManager() != null) {
                regionManagers.add(r.regionManager());
            }
        }
        return Optional.of(new Assignment(complaintId, first.storeId(), first.managerId(),
            Assignment.Level.valueOf(first.level().trim()), first.region(), regionManagers));
    }
}
