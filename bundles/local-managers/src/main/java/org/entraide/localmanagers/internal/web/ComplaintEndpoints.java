package org.entraide.localmanagers.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.model.Role;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Routing;
import org.entraide.localmanagers.internal.store.Timeline;

/**
 * A complaint's public timeline with its pending deadline, and the managers' moves on it: delegation to another
 * store, hand-over to the central team.
 */
public final class ComplaintEndpoints {
    private final Transactions tx;
    private final Timeline timeline;
    private final Routing routing;
    private final Lookups lookups;

    ComplaintEndpoints(Transactions tx, Timeline timeline, Routing routing, Lookups lookups) {
        this.tx = tx;
        this.timeline = timeline;
        this.routing = routing;
        this.lookups = lookups;
    }

    ApiResult timeline(ApiCall call) {
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            lookups.published(c, call.brand().id(), id);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("complaintId", id);
            out.put("steps", timeline.of(c, id));
            // the deadline the complainant can expect a first response by, while none came
            Sql.one(c, "SELECT due_at, level FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NULL",
                rs -> Map.of("dueAt", Sql.instant(rs, "due_at").toString(), "level", rs.getString(2)), id)
                .ifPresent(d -> out.put("deadline", d));
            return out;
        }));
    }

    /**
     * The pending deadlines of several published complaints at once ({@code ids}, at most 50, comma-separated): what a
     * complainant's list shows beside each one, in one call. Another brand's, unknown or unpublished ids are left out.
     */
    ApiResult deadlines(ApiCall call) {
        java.util.List<Long> ids = ids(call.query("ids"));
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            java.util.List<Long> published = lookups.complaints(c, brandId, ids).values().stream()
                .filter(org.entraide.api.platform.ComplaintFacts::isPublished).map(org.entraide.api.platform.ComplaintFacts::id)
                .sorted().toList();
            java.util.List<Map<String, Object>> items = published.isEmpty() ? java.util.List.of() : Sql.list(c,
                "SELECT complaint_id, due_at, level FROM lm_assignment WHERE responded_at IS NULL AND complaint_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(published.size(), "?")) + ") ORDER BY complaint_id",
                rs -> Map.<String, Object>of("complaintId", rs.getLong(1), "dueAt", Sql.instant(rs, "due_at").toString(),
                    "level", rs.getString(3)), published.toArray());
            return Map.of("items", items);
        }));
    }

    static java.util.List<Long> ids(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}(,[0-9]{1,18}){0,49}")) {
            throw org.entraide.api.problem.ProblemException.invalid("ids", "1 to 50 complaint ids, separated by commas");
        }
        return java.util.Arrays.stream(raw.split(",")).map(Long::parseLong).distinct().toList();
    }

    ApiResult delegate(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        Bodies.Delegation body = call.body(Bodies.Delegation.class);
        // resolved in the URL's brand first: another brand's store is none, whatever the routing would say
        tx.inTransaction(c -> lookups.store(c, call.brand().id(), body.storeCode()));
        routing.delegate(call.brand().id(), id, caller.userId(), caller.has(Role.BRAND_ADMIN), body.storeCode(), body.reason());
        return ApiResult.ok(Map.of("complaintId", id, "storeCode", body.storeCode()));
    }

    ApiResult handOver(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        Bodies.Handover body = call.body(Bodies.Handover.class);
        routing.handOver(call.brand().id(), id, caller.userId(), caller.has(Role.BRAND_ADMIN), body.reason());
        return ApiResult.ok(Map.of("complaintId", id, "level", "CENTRAL"));
    }

}
