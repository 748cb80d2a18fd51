package org.entraide.incidents.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** The questions and complaints attached to incidents; a post belongs to one incident at most. */
public final class Items {
    public record Item(long incidentId, long postId, String postType, Long storeId, boolean automatic, Long attachedBy,
                       Instant attachedAt, Instant postedAt) {
    }

    /** Figures of the public page: items by store (null: no store) and UTC day of posting. */
    public record Count(Long storeId, LocalDate day, long items) {
    }

    /**
     * Attaches a post unless it already belongs to an incident: one statement guarded by {@code NOT EXISTS} rather
     * than a caught unique violation, which would abort a PostgreSQL transaction. True when it was attached now.
     */
    public boolean attach(Connection c, long incidentId, long brandId, long postId, String postType, Long storeId,
                          boolean automatic, Long by, Instant now, Instant postedAt) {
        return Sql.update(c, "INSERT INTO inc_item (incident_id, post_id, brand_id, post_type, store_id, automatic, attached_by, "
            + "attached_at, posted_at) SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(12)), "
            + "CAST(? AS BIGINT), CAST(? AS BOOLEAN), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS (SELECT 1 FROM inc_item WHERE post_id = ?)", incidentId, postId, brandId, postType, storeId,
            automatic, by, now, postedAt, postId) == 1;
    }

    /** The incident a post is attached to, if any. */
    public Optional<Long> incidentOf(Connection c, long brandId, long postId) {
        return Sql.one(c, "SELECT incident_id FROM inc_item WHERE brand_id = ? AND post_id = ?", rs -> rs.getLong(1), brandId, postId);
    }

    public List<Item> page(Connection c, long incidentId, long offset, int size) {
        return Sql.list(c, "SELECT incident_id, post_id, post_type, store_id, automatic, attached_by, attached_at, posted_at "
            + "FROM inc_item WHERE incident_id = ? ORDER BY posted_at, post_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
            rs -> new Item(rs.getLong("incident_id"), rs.getLong("post_id"), rs.getString("post_type"),
                Sql.nullableLong(rs, "store_id"), rs.getBoolean("automatic"), Sql.nullableLong(rs, "attached_by"),
                Sql.instant(rs, "attached_at"), Sql.instant(rs, "posted_at")), incidentId, offset, size);
    }

    public long count(Connection c, long incidentId, String postType) {
        return Sql.count(c, "SELECT COUNT(*) FROM inc_item WHERE incident_id = ? AND (CAST(? AS VARCHAR(12)) IS NULL OR post_type = ?)",
            incidentId, postType, postType);
    }

    /** Ids of every attached post, in posting order. */
    public List<Long> postIds(Connection c, long incidentId) {
        return Sql.list(c, "SELECT post_id FROM inc_item WHERE incident_id = ? ORDER BY posted_at, post_id", rs -> rs.getLong(1),
            incidentId);
    }

    /** Ids of the attached posts of one type, in posting order. */
    public List<Long> postIds(Connection c, long incidentId, String postType) {
        return Sql.list(c, "SELECT post_id FROM inc_item WHERE incident_id = ? AND post_type = ? ORDER BY posted_at, post_id",
            rs -> rs.getLong(1), incidentId, postType);
    }

    /** Counts by store and UTC day, computed in Java so that the day is the same on both databases. */
    public List<Count> countsByStoreAndDay(Connection c, long incidentId) {
        List<Count> out = new ArrayList<>();
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, Count> keys = new java.util.HashMap<>();
        Sql.list(c, "SELECT store_id, posted_at FROM inc_item WHERE incident_id = ?", rs -> {
            Long store = Sql.nullableLong(rs, "store_id");
            LocalDate day = LocalDate.ofInstant(Sql.instant(rs, "posted_at"), ZoneOffset.UTC);
            String key = day + "/" + (store == null ? "" : String.format("%019d", store));
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            keys.putIfAbsent(key, new Count(store, day, 0));
            return key;
        }, incidentId);
        counts.forEach((key, n) -> out.add(new Count(keys.get(key).storeId(), keys.get(key).day(), n[0])));
        return out;
    }
}
