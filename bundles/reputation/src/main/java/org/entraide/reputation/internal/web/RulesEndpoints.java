package org.entraide.reputation.internal.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.reputation.internal.rules.BrandRules;
import org.entraide.reputation.internal.rules.PointsTable;
import org.entraide.reputation.internal.rules.Privilege;
import org.entraide.reputation.internal.rules.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A brand's points table and privilege thresholds. Everyone may read them (the rules of a fair game are
 * public); brand admins change them. A change applies to events scored from then on; a recomputation
 * applies it to the past.
 */
final class RulesEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(RulesEndpoints.class);
    private static final Set<String> POINT_KEYS = new LinkedHashSet<>();
    private static final Set<String> PRIVILEGE_KEYS = new LinkedHashSet<>();

    static {
        Arrays.stream(Rule.values()).forEach(r -> POINT_KEYS.add(r.code()));
        POINT_KEYS.add(PointsTable.DAILY_CAP);
        Arrays.stream(Privilege.values()).forEach(p -> PRIVILEGE_KEYS.add(p.code()));
    }

    private final Transactions tx;
    private final BrandRules rules;

    RulesEndpoints(Transactions tx, BrandRules rules) {
        this.tx = tx;
        this.rules = rules;
    }

    ApiResult points(ApiCall call) {
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> rules.points(c, brandId).asMap()));
    }

    ApiResult overridePoints(ApiCall call) {
        var admin = Access.brandAdmin(call);
        Map<String, Integer> changes = Access.integers(call, POINT_KEYS);
        Map<String, Integer> table = checked(() -> tx.inTransaction(c ->
            rules.overridePoints(c, call.brand().id(), changes).asMap()));
        LOG.info("Points table of brand {} changed by user {}: {}", call.brand().slug(), admin.userId(), changes);
        return ApiResult.ok(table);
    }

    ApiResult privileges(ApiCall call) {
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> rules.thresholds(c, brandId).asMap()));
    }

    ApiResult overridePrivileges(ApiCall call) {
        var admin = Access.brandAdmin(call);
        Map<String, Integer> changes = Access.integers(call, PRIVILEGE_KEYS);
        Map<String, Integer> table = checked(() -> tx.inTransaction(c ->
            rules.overrideThresholds(c, call.brand().id(), changes).asMap()));
        LOG.info("Privilege thresholds of brand {} changed by user {}: {}", call.brand().slug(), admin.userId(), changes);
        return ApiResult.ok(table);
    }

    /** The tables check their values; a value out of bounds is the caller's mistake. */
    private static <T> T checked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.contains(" ") ? message.substring(0, message.indexOf(' ')) : "body";
            throw ProblemException.invalid(field, message);
        }
    }
}
