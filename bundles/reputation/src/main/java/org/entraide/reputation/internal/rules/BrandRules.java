package org.entraide.reputation.internal.rules;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;


/**
 * Each brand's points table and privilege thresholds: the configured defaults with the brand's overrides,
 * which are rows of {@code reputation_setting} keyed "points.&lt;rule&gt;" or "privilege.&lt;privilege&gt;".
 * Read inside the caller's transaction, so an event is scored with the table of the moment it is applied.
 */
public final class BrandRules {
    private static final String POINTS = "points.";
    private static final String PRIVILEGE = "privilege.";

    private final Clock clock;
    private volatile PointsTable defaultPoints;
    private volatile Thresholds defaultThresholds;

    public BrandRules(PointsTable defaultPoints, Thresholds defaultThresholds, Clock clock) {
        this.defaultPoints = defaultPoints;
        this.defaultThresholds = defaultThresholds;
        this.clock = clock;
    }

    /** New defaults from the configuration; brands' overrides stay. */
    public void setDefaults(PointsTable points, Thresholds thresholds) {
        this.defaultPoints = points;
        this.defaultThresholds = thresholds;
    }

    public PointsTable points(Connection c, long brandId) {
        return defaultPoints.with(overrides(c, brandId, POINTS));
    }

    public Thresholds thresholds(Connection c, long brandId) {
        return defaultThresholds.with(overrides(c, brandId, PRIVILEGE));
    }

    /** Sets (or, for a null value, removes) overrides of the points table; checks the result first. */
    public PointsTable overridePoints(Connection c, long brandId, Map<String, Integer> changes) {
        Map<String, Integer> merged = new HashMap<>(overrides(c, brandId, POINTS));
        merged.putAll(withoutNulls(changes));
        defaultPoints.with(merged);
        save(c, brandId, POINTS, changes);
        return points(c, brandId);
    }

    public Thresholds overrideThresholds(Connection c, long brandId, Map<String, Integer> changes) {
        Map<String, Integer> merged = new HashMap<>(overrides(c, brandId, PRIVILEGE));
        merged.putAll(withoutNulls(changes));
        defaultThresholds.with(merged);
        save(c, brandId, PRIVILEGE, changes);
        return thresholds(c, brandId);
    }

    private void save(Connection c, long brandId, String prefix, Map<String, Integer> changes) {
        for (Map.Entry<String, Integer> e : changes.entrySet()) {
            String key = prefix + e.getKey();
            Sql.update(c, "DELETE FROM reputation_setting WHERE brand_id = ? AND setting_key = ?", brandId, key);
            if (e.getValue() != null) {
                Sql.update(c, "INSERT INTO reputation_setting (brand_id, setting_key, setting_value, updated_at) "
                    + "VALUES (?, ?, ?, ?)", brandId, key, e.getValue(), clock.instant());
            }
        }
    }

    private static Map<String, Integer> overrides(Connection c, long brandId, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        Sql.list(c, "SELECT setting_key, setting_value FROM reputation_setting WHERE brand_id = ? AND setting_key LIKE ?",
            rs -> out.put(rs.getString(1).substring(prefix.length()), rs.getInt(2)), brandId, prefix + "%");
        return out;
    }

    private static Map<String, Integer> withoutNulls(Map<String, Integer> changes) {
        Map<String, Integer> out = new HashMap<>();
        changes.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
