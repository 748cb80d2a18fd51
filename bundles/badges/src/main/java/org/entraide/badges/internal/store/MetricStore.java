package org.entraide.badges.internal.store;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The per-member counters criteria read, one row per member, scope and metric. */
public final class MetricStore {
    /** A member in a scope that has metrics. */
    public record Holder(long userId, String scope) {
    }

    public void add(Connection c, long brandId, long userId, String scope, String metric, long delta) {
        if (delta == 0) {
            return;
        }
        int n = Sql.update(c, "UPDATE badge_metric SET metric_value = metric_value + ? WHERE brand_id = ? AND user_id = ? "
            + "AND scope = ? AND metric = ?", delta, brandId, userId, scope, metric);
        if (n == 0) {
            Sql.update(c, "INSERT INTO badge_metric (brand_id, user_id, scope, metric, metric_value) VALUES (?, ?, ?, ?, ?)",
                brandId, userId, scope, metric, delta);
        }
    }

    public void set(Connection c, long brandId, long userId, String scope, String metric, long value) {
        int n = Sql.update(c, "UPDATE badge_metric SET metric_value = ? WHERE brand_id = ? AND user_id = ? AND scope = ? "
            + "AND metric = ?", value, brandId, userId, scope, metric);
        if (n == 0) {
            Sql.update(c, "INSERT INTO badge_metric (brand_id, user_id, scope, metric, metric_value) VALUES (?, ?, ?, ?, ?)",
                brandId, userId, scope, metric, value);
        }
    }

    public Map<String, Long> of(Connection c, long brandId, long userId, String scope) {
        Map<String, Long> out = new HashMap<>();
        Sql.list(c, "SELECT metric, metric_value FROM badge_metric WHERE brand_id = ? AND user_id = ? AND scope = ?",
            rs -> out.put(rs.getString(1), rs.getLong(2)), brandId, userId, scope);
        return out;
    }

    /** The scopes where the member has metrics, for progress. */
    public List<String> scopesOf(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT DISTINCT scope FROM badge_metric WHERE brand_id = ? AND user_id = ? ORDER BY scope",
            rs -> rs.getString(1), brandId, userId);
    }

    /** Every member and scope of the brand with metrics: what a full evaluation walks. */
    public List<Holder> holders(Connection c, long brandId) {
        return Sql.list(c, "SELECT DISTINCT user_id, scope FROM badge_metric WHERE brand_id = ? ORDER BY user_id, scope",
            rs -> new Holder(rs.getLong(1), rs.getString(2)), brandId);
    }

    public List<Long> brands(Connection c) {
        return Sql.list(c, "SELECT DISTINCT brand_id FROM badge_metric", rs -> rs.getLong(1));
    }

    /**
     * Counts a day with a published post; returns the member's current run of consecutive days. A post on an
     * earlier day than the last one counted (events of a replay come in commit order) changes nothing.
     */
    public int active(Connection c, long brandId, long userId, LocalDate day) {
        var last = Sql.one(c, "SELECT last_day, streak FROM badge_activity WHERE brand_id = ? AND user_id = ?",
            rs -> new Object[] {rs.getObject(1, LocalDate.class), rs.getInt(2)}, brandId, userId);
        if (last.isEmpty()) {
            Sql.update(c, "INSERT INTO badge_activity (brand_id, user_id, last_day, streak) VALUES (?, ?, ?, 1)",
                brandId, userId, day);
            return 1;
        }
        LocalDate lastDay = (LocalDate) last.get()[0];
        int streak = (Integer) last.get()[1];
        if (!day.isAfter(lastDay)) {
            return streak;
        }
        int now = day.equals(lastDay.plusDays(1)) ? streak + 1 : 1;
        Sql.update(c, "UPDATE badge_activity SET last_day = ?, streak = ? WHERE brand_id = ? AND user_id = ?",
            day, now, brandId, userId);
        return now;
    }
}
