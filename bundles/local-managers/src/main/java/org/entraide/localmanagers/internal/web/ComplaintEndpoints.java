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
