package org.entraide.badges.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.badges.internal.criteria.Criterion;
import org.entraide.badges.internal.criteria.CriterionParser;
import org.entraide.badges.internal.criteria.ScopeKind;
import org.entraide.badges.internal.store.Awards;
import org.entraide.badges.internal.store.Awards.Decision;
import org.entraide.badges.internal.store.MetricStore;

/**
 * Decides, from a member's metrics in a scope, which badges they earn or lose there. Brands that did not
 * enable badges keep their metrics (so that enabling later awards the past) but get no award.
 */
public final class Evaluator {
    private final Definitions definitions;
    private final MetricStore metrics;
    private final Awards awards;
    private final BrandFeatures features;
    private final Clock clock;
    private final Map<String, Criterion> parsed = new ConcurrentHashMap<>();

    public Evaluator(Definitions definitions, MetricStore metrics, Awards awards, BrandFeatures features, Clock clock) {
        this.definitions = definitions;
        this.metrics = metrics;
        this.awards = awards;
        this.features = features;
        this.clock = clock;
    }

    /** Evaluates the member in each scope; returns the number of awards and revocations made. */
    public int evaluate(Connection c, long brandId, long userId, Collection<String> scopes, Long sourceEventId) {
        if (!features.isEnabled(brandId, BadgeEvents.CAPABILITY)) {
            return 0;
        }
        return evaluate(c, brandId, userId, scopes, sourceEventId, definitions.of(c, brandId).values());
    }

    int evaluate(Connection c, long brandId, long userId, Collection<String> scopes, Long sourceEventId,
                 Collection<BadgeDefinition> badges) {
        java.util.Set<String> awardScopes = new java.util.LinkedHashSet<>(scopes);
        awardScopes.add(""); // once-only badges earned by a post are held in the whole brand
        Map<String, Boolean> held = awards.heldIn(c, brandId, userId, awardScopes);
        int changes = 0;
        for (String scope : scopes) {
            ScopeKind kind = ScopeKind.ofScope(scope);
            Map<String, Long> v = metrics.of(c, brandId, userId, scope);
            for (BadgeDefinition b : badges) {
                Criterion criterion = parsed.computeIfAbsent(b.criterion(), CriterionParser::parse);
                if (CriterionParser.kindOf(criterion) != kind) {
                    continue;
                }
                Decision d = decision(brandId, b, userId, scope, kind, sourceEventId);
                String key = Awards.key(d.badge(), d.scope(), d.postKey());
                boolean active = Boolean.TRUE.equals(held.get(key));
                boolean met = criterion.test(m -> v.getOrDefault(m, 0L));
                if (met && !active) {
                    changes += awards.award(c, d, clock.instant()) ? 1 : 0;
                    held.put(key, true);
                } else if (!met && active && b.autoRevoke()
                    && awards.revoke(c, d, "criterion no longer met: " + b.criterion(), clock.instant())) {
                    changes++;
                    held.put(key, false);
                }
            }
        }
        return changes;
    }

    private static Decision decision(long brandId, BadgeDefinition b, long userId, String scope, ScopeKind kind,
                                     Long sourceEventId) {
        Long postId = kind.perPost() ? Long.valueOf(scope.substring(scope.indexOf(':') + 1)) : null;
        // a once-only badge earned by a post is held once, in the whole brand; a repeatable one once per post
        String awardScope = kind.perPost() && !b.repeatable() ? "" : scope;
        long postKey = kind.perPost() && b.repeatable() ? postId : 0;
        return new Decision(brandId, b.key(), b.tier(), userId, awardScope, postKey, postId, sourceEventId);
    }
}
