package org.entraide.badges.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.storage.Transactions;
import org.entraide.badges.internal.store.MetricStore;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retroactive awards. A brand is evaluated in full, from the metrics kept for it, when it enables badges, when
 * the shipped definitions change, or when an admin saves a definition; a brand that disables badges is
 * forgotten here, so that enabling them again awards what was earned meanwhile.
 */
public final class CatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

    private final Transactions tx;
    private final Definitions definitions;
    private final MetricStore metrics;
    private final Evaluator evaluator;
    private final BrandFeatures features;
    private final Clock clock;

    public CatchUp(Transactions tx, Definitions definitions, MetricStore metrics, Evaluator evaluator,
                   BrandFeatures features, Clock clock) {
        this.tx = tx;
        this.definitions = definitions;
        this.metrics = metrics;
        this.evaluator = evaluator;
        this.features = features;
        this.clock = clock;
    }

    /** One pass over the brands with activity; returns how many brands were evaluated. */
    public int run() {
        definitions.refresh();
        String stamp = definitions.stamp();
        int evaluated = 0;
        for (long brandId : tx.inTransaction(metrics::brands)) {
            boolean enabled = features.isEnabled(brandId, BadgeEvents.CAPABILITY);
            String seen = tx.inTransaction(c -> Sql.one(c, "SELECT defaults_stamp FROM badge_brand WHERE brand_id = ?",
                rs -> rs.getString(1), brandId).orElse(null));
            if (!enabled && seen != null) {
                tx.inTransaction(c -> Sql.update(c, "DELETE FROM badge_brand WHERE brand_id = ?", brandId));
            } else if (enabled && !stamp.equals(seen)) {
                int changes = evaluateBrand(brandId, null);
                LOG.info("Badges: brand {} evaluated in full: {} awards or revocations", brandId, changes);
                evaluated++;
            }
        }
        return evaluated;
    }

    /** Evaluates every member of the brand, for the given badges (null: all), in one transaction. */
    public int evaluateBrand(long brandId, Collection<BadgeDefinition> only) {
        return tx.inTransaction(c -> {
            Collection<BadgeDefinition> badges = only != null ? only : definitions.of(c, brandId).values();
            int changes = 0;
            if (features.isEnabled(brandId, BadgeEvents.CAPABILITY)) {
                for (MetricStore.Holder h : metrics.holders(c, brandId)) {
                    changes += evaluator.evaluate(c, brandId, h.userId(), List.of(h.scope()), null, badges);
                }
            }
            if (only == null) {
                mark(c, brandId);
            }
            return changes;
        });
    }

    private void mark(Connection c, long brandId) {
        int n = Sql.update(c, "UPDATE badge_brand SET defaults_stamp = ?, evaluated_at = ? WHERE brand_id = ?",
            definitions.stamp(), clock.instant(), brandId);
        if (n == 0) {
            Sql.update(c, "INSERT INTO badge_brand (brand_id, defaults_stamp, evaluated_at) VALUES (?, ?, ?)", brandId,
                definitions.stamp(), clock.instant());
        }
    }
}
