package org.entraide.knowledge.internal;

import java.sql.Connection;

import org.entraide.jdbc.Sql;

/** What each brand set: points for a promoted contribution, days until review; the configured defaults otherwise. */
final class BrandSettings {
    record Values(int promotionPoints, int reviewDays) {
    }

    private final Values defaults;

    BrandSettings(Values defaults) {
        this.defaults = defaults;
    }

    Values of(Connection c, long brandId) {
        return Sql.one(c, "SELECT promotion_points, review_days FROM kn_settings WHERE brand_id = ?",
            rs -> new Values(rs.getInt(1), rs.getInt(2)), brandId).orElse(defaults);
    }

    void save(Connection c, long brandId, Values v) {
        if (Sql.update(c, "UPDATE kn_settings SET promotion_points = ?, review_days = ? WHERE brand_id = ?",
            v.promotionPoints(), v.reviewDays(), brandId) == 0) {
            Sql.update(c, "INSERT INTO kn_settings (brand_id, promotion_points, review_days) VALUES (?, ?, ?)", brandId,
                v.promotionPoints(), v.reviewDays());
        }
    }
}
