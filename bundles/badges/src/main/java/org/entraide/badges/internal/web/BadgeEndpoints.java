package org.entraide.badges.internal.web;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.badges.internal.BadgeDefinition;
import org.entraide.badges.internal.Badges;
import org.entraide.badges.internal.criteria.Criterion;
import org.entraide.badges.internal.criteria.ScopeKind;
import org.entraide.badges.internal.store.Awards.Award;

/**
 * {@code /brands/{brand}/badges...}: the definitions (public; written by brand admins, then applied to past
 * activity at once), a badge's holders and a member's badges (public: badges are public recognition), and the
 * caller's progress towards a badge.
 */
public final class BadgeEndpoints {
    private static final int MAX_PAGE = 100;

    /** A definition with how many members hold it. */
    record BadgeView(BadgeDefinition badge, long holders) {
    }

    /** One comparison of a criterion against the caller's metric. */
    record Step(String metric, long current, String op, long target, Map<String, String> label) {
    }

    /** Progress in one scope. */
    record ScopeProgress(String scope, boolean met, List<Step> steps) {
    }

    private final Transactions tx;
    private final Badges badges;

    public BadgeEndpoints(Transactions tx, Badges badges) {
        this.tx = tx;
        this.badges = badges;
    }

    ApiResult list(ApiCall call) {
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<String, Long> counts = badges.awards.holderCounts(c, brandId);
            List<BadgeView> out = new ArrayList<>();
            badges.definitions.of(c, brandId).values().forEach(b -> out.add(new BadgeView(b, counts.getOrDefault(b.key(), 0L))));
            return Map.of("badges", out);
        }));
    }

    ApiResult create(ApiCall call) {
        brandAdmin(call);
        BadgeDefinition b = read(call);
        boolean exists = tx.inTransaction(c -> badges.definitions.find(c, call.brand().id(), b.key()).isPresent());
        if (exists) {
            throw ProblemException.conflict("badge '" + b.key() + "' exists: PUT it to change it");
        }
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/badges/" + b.key(), save(call, b));
    }

    ApiResult replace(ApiCall call) {
        brandAdmin(call);
        BadgeDefinition b = read(call);
        String key = call.path("key");
        if (key != null && !key.equals(b.key())) {
            throw ProblemException.invalid("key", "the body's key '" + b.key() + "' differs from the URL's '" + key + "'");
        }
        return ApiResult.ok(save(call, b));
    }

    ApiResult one(ApiCall call) {
        String key = call.path("key");
        return ApiResult.ok(tx.inTransaction(c -> badges.definitions.find(c, call.brand().id(), key)
            .map(b -> new BadgeView(b, badges.awards.holderCounts(c, call.brand().id()).getOrDefault(key, 0L)))
            .orElseThrow(() -> ProblemException.notFound("no badge '" + key + "' in this brand"))));
    }

    ApiResult holders(ApiCall call) {
        String key = call.path("key");
        int page = call.intQuery("page", 1, 1, 10_000);
        int size = call.intQuery("size", 20, 1, MAX_PAGE);
        return ApiResult.ok(tx.inTransaction(c -> {
            badges.definitions.find(c, call.brand().id(), key)
                .orElseThrow(() -> ProblemException.notFound("no badge '" + key + "' in this brand"));
            List<Map<String, Object>> items = new ArrayList<>();
            for (Award a : badges.awards.holders(c, call.brand().id(), key, size, (page - 1) * size)) {
                items.add(award(a, null));
            }
            return Map.of("badge", key, "page", page, "size", size, "items", items);
        }));
    }

    ApiResult ofUser(ApiCall call) {
        long userId = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<String, BadgeDefinition> defs = badges.definitions.of(c, call.brand().id());
            List<Map<String, Object>> held = new ArrayList<>();
            List<Map<String, Object>> revoked = new ArrayList<>();
            for (Award a : badges.awards.ofUser(c, call.brand().id(), userId)) {
                (a.revokedAt() == null ? held : revoked).add(award(a, defs.get(a.badge())));
            }
            return Map.of("userId", userId, "badges", held, "revoked", revoked);
        }));
    }

    ApiResult progress(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        String key = call.path("key");
        return ApiResult.ok(tx.inTransaction(c -> {
            BadgeDefinition b = badges.definitions.find(c, call.brand().id(), key)
                .orElseThrow(() -> ProblemException.notFound("no badge '" + key + "' in this brand"));
            Criterion criterion = b.parsed();
            ScopeKind kind = b.kind();
            List<ScopeProgress> scopes = new ArrayList<>();
            for (String scope : scopesOf(c, call.brand().id(), caller.userId(), kind)) {
                Map<String, Long> values = badges.metrics.of(c, call.brand().id(), caller.userId(), scope);
                List<Step> steps = new ArrayList<>();
                for (Criterion.Comparison cmp : criterion.comparisons()) {
                    long current = values.getOrDefault(cmp.metric(), 0L);
                    steps.add(new Step(cmp.metric(), current, cmp.op(), cmp.value(), Labels.progress(cmp.metric(), current,
                        cmp.value(), where(c, scope))));
                }
                scopes.add(new ScopeProgress(scope, criterion.test(m -> values.getOrDefault(m, 0L)), steps));
            }
            return Map.of("badge", key, "criterion", b.criterion(), "scopes", scopes);
        }));
    }

    /** The scope as members read it: the topic's name ("Bricolage"), "#tag", the city. */
    private static String where(Connection c, String scope) {
        if (scope.startsWith("topic:")) {
            long id = Long.parseLong(scope.substring(6));
            return org.entraide.jdbc.Sql.one(c, "SELECT name FROM topic WHERE id = ?", rs -> rs.getString(1), id)
                .orElse(scope);
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

    private Object save(ApiCall call, BadgeDefinition b) {
        long brandId = call.brand().id();
        tx.inTransaction(c -> {
            badges.definitions.save(c, brandId, b, badges.clock.instant());
            return null;
        });
        // applied to past activity at once, for this badge
        int changes = badges.catchUp.evaluateBrand(brandId, List.of(b));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("badge", b);
        out.put("evaluated", Map.of("awardsOrRevocations", changes));
        return out;
    }

    private static BadgeDefinition read(ApiCall call) {
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send a badge definition as a JSON object");
        }
        try {
            return org.entraide.badges.internal.Definitions.parse(body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static Map<String, Object> award(Award a, BadgeDefinition b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("badge", a.badge());
        if (b != null) {
            m.put("name", b.name());
            m.put("tier", b.tier());
        }
        m.put("userId", a.userId());
        m.put("scope", a.scope());
        if (a.postId() != null) {
            m.put("postId", a.postId());
        }
        m.put("awardedAt", a.awardedAt().toString());
        if (a.revokedAt() != null) {
            m.put("revokedAt", a.revokedAt().toString());
            m.put("revokeReason", a.revokeReason());
        }
        return m;
    }

    private static void brandAdmin(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
    }

}
