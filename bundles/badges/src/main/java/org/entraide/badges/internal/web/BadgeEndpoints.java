package org.entraide.badges.internal.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.badges.internal.BadgeDefinition;
import org.entraide.badges.internal.Badges;
import org.entraide.badges.internal.store.Awards.Award;

/**
 * {@code /brands/{brand}/badges...}: the definitions (public; written by brand admins, then applied to past
 * activity at once), a badge's holders and a member's badges (public: badges are public recognition). Every id
 * of a path (a badge's key, a member) is looked up in the path's brand: another brand's is a 404, like none.
 */
final class BadgeEndpoints {
    /** A definition with how many members hold it. */
    record BadgeView(BadgeDefinition badge, long holders) {
    }

    private final Transactions tx;
    private final Badges badges;

    BadgeEndpoints(Transactions tx, Badges badges) {
        this.tx = tx;
        this.badges = badges;
    }

    ApiResult list(ApiCall call) {
        long brandId = call.brand().id();
        Page.Request page = Page.Request.of(call, 50);
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<String, Long> counts = badges.awards.holderCounts(c, brandId);
            List<BadgeView> all = new ArrayList<>();
            badges.definitions.of(c, brandId).values().forEach(b -> all.add(new BadgeView(b, counts.getOrDefault(b.key(), 0L))));
            return page.of(all);
        }));
    }

    ApiResult create(ApiCall call) {
        brandAdmin(call);
        BadgeDefinition b = call.body(BadgeForm.class).definition(null);
        boolean exists = tx.inTransaction(c -> badges.definitions.find(c, call.brand().id(), b.key()).isPresent());
        if (exists) {
            throw ProblemException.conflict("badge '" + b.key() + "' exists: PUT it to change it");
        }
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/badges/" + b.key(), save(call, b));
    }

    /** {@code PUT /badges}: creates or replaces the badge the body names. */
    ApiResult upsert(ApiCall call) {
        brandAdmin(call);
        return ApiResult.ok(save(call, call.body(BadgeForm.class).definition(null)));
    }

    /** {@code PUT /badges/{key}}: creates or replaces the badge the URL names. */
    ApiResult replace(ApiCall call) {
        brandAdmin(call);
        return ApiResult.ok(save(call, call.body(BadgeForm.class).definition(call.path("key"))));
    }

    ApiResult one(ApiCall call) {
        String key = call.path("key");
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> badges.definitions.find(c, brandId, key)
            .map(b -> new BadgeView(b, badges.awards.holderCounts(c, brandId).getOrDefault(key, 0L)))
            .orElseThrow(() -> noBadge(key))));
    }

    ApiResult holders(ApiCall call) {
        String key = call.path("key");
        long brandId = call.brand().id();
        Page.Request page = Page.Request.of(call, 20);
        return ApiResult.ok(tx.inTransaction(c -> {
            badges.definitions.find(c, brandId, key).orElseThrow(() -> noBadge(key));
            List<Map<String, Object>> items = new ArrayList<>();
            for (Award a : badges.awards.holders(c, brandId, key, page.size(), page.offset())) {
                items.add(award(a, null));
            }
            return new Page<>(items, badges.awards.holderCounts(c, brandId).getOrDefault(key, 0L), page.page(), page.size());
        }));
    }

    /** A member's awards, those they hold first (oldest first), then those taken back, with the reason. */
    ApiResult ofUser(ApiCall call) {
        long userId = call.pathId("id");
        long brandId = call.brand().id();
        Page.Request page = Page.Request.of(call, 50);
        return ApiResult.ok(tx.inTransaction(c -> {
            if (badges.core.members().member(c, brandId, userId).isEmpty()) {
                throw ProblemException.notFound("no member " + userId + " in this brand");
            }
            Map<String, BadgeDefinition> defs = badges.definitions.of(c, brandId);
            List<Map<String, Object>> all = new ArrayList<>();
            badges.awards.ofUser(c, brandId, userId).stream()
                .sorted(Comparator.comparing((Award a) -> a.revokedAt() != null))
                .forEach(a -> all.add(award(a, defs.get(a.badge()))));
            return page.of(all);
        }));
    }

    static ProblemException noBadge(String key) {
        return ProblemException.notFound("no badge '" + key + "' in this brand");
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
