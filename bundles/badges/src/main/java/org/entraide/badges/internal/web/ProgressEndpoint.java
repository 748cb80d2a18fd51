package org.entraide.badges.internal.web;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.badges.internal.BadgeDefinition;
import org.entraide.badges.internal.Badges;
import org.entraide.badges.internal.criteria.Criterion;
import org.entraide.badges.internal.criteria.ScopeKind;

/** {@code GET /brands/{brand}/badges/{key}/progress}: the caller's progress towards a badge, in each scope. */
final class ProgressEndpoint {
    /** One comparison of a criterion against the caller's metric. */
    record Step(String metric, long current, String op, long target, Map<String, String> label) {
    }

    /** Progress in one scope. */
    record ScopeProgress(String scope, boolean met, List<Step> steps) {
    }

    private final Transactions tx;
    private final Badges badges;

    ProgressEndpoint(Transactions tx, Badges badges) {
        this.tx = tx;
        this.badges = badges;
    }

    ApiResult handle(ApiCall call) {
        Caller caller = call.caller();
        long brandId = call.brand().id();
        if (caller.brandId() != brandId) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        String key = call.path("key");
        return ApiResult.ok(tx.inTransaction(c -> {
            BadgeDefinition b = badges.definitions.find(c, brandId, key).orElseThrow(() -> BadgeEndpoints.noBadge(key));
            Criterion criterion = b.parsed();
            List<ScopeProgress> scopes = new ArrayList<>();
            for (String scope : scopesOf(c, brandId, caller.userId(), b.kind())) {
                Map<String, Long> values = badges.metrics.of(c, brandId, caller.userId(), scope);
                List<Step> steps = new ArrayList<>();
                for (Criterion.Comparison cmp : criterion.comparisons()) {
                    long current = values.getOrDefault(cmp.metric(), 0L);
                    steps.add(new Step(cmp.metric(), current, cmp.op(), cmp.value(), Labels.progress(cmp.metric(), current,
                        cmp.value(), where(c, brandId, scope))));
                }
                scopes.add(new ScopeProgress(scope, criterion.test(m -> values.getOrDefault(m, 0L)), steps));
            }
            return Map.of("badge", key, "criterion", b.criterion(), "scopes", scopes);
        }));
    }

    /** The scope as members read it: the topic's name ("Bricolage"), "#tag", the city. */
    private String where(Connection c, long brandId, String scope) {
        if (scope.startsWith("topic:")) {
            long id = Long.parseLong(scope.substring(6));
            return badges.core.brands().topicById(c, brandId, id).map(org.entraide.api.model.Topic::name).orElse(scope);
        }
        if (scope.startsWith("tag:")) {
            return "#" + scope.substring(4);
        }
        return scope.startsWith("city:") ? scope.substring(5) : "";
    }

    private List<String> scopesOf(Connection c, long brandId, long userId, ScopeKind kind) {
        List<String> out = new ArrayList<>();
        for (String scope : badges.metrics.scopesOf(c, brandId, userId)) {
            if (ScopeKind.ofScope(scope) == kind) {
                out.add(scope);
            }
        }
        if (out.isEmpty() && kind == ScopeKind.USER) {
            out.add("");
        }
        return out;
    }
}
