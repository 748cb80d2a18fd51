package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.util.Map;

import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Routing;

/**
 * The brand's response deadlines in opening hours: read by anyone, set by brand admins.
 */
public final class DeadlineEndpoints {
    private final Transactions tx;
    private final Routing routing;

    DeadlineEndpoints(Transactions tx, Routing routing) {
        this.tx = tx;
        this.routing = routing;
    }

    /** The brand's deadlines in opening hours: its own, or the configured defaults ({@code "own": false}). */
    ApiResult deadlines(ApiCall call) {
        return ApiResult.ok(tx.inTransaction(c -> deadlinesView(c, call.brand().id())));
    }

    /** Sets the brand's deadlines ({@code null} for both: back to the defaults); from then on, not for complaints already routed. */
    ApiResult setDeadlines(ApiCall call) {
        Callers.admin(call);
        Bodies.Deadlines body = call.body(Bodies.Deadlines.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM lm_brand_deadline WHERE brand_id = ?", call.brand().id());
            if (body.firstResponseHours() != null || body.regionHours() != null) {
                var defaults = routing.defaults();
                int f = body.firstResponseHours() != null ? body.firstResponseHours() : (int) defaults.firstResponse().toHours();
                int r = body.regionHours() != null ? body.regionHours() : (int) defaults.regionTime().toHours();
                Sql.update(c, "INSERT INTO lm_brand_deadline (brand_id, first_response_hours, region_hours) VALUES (?, ?, ?)",
                    call.brand().id(), f, r);
            }
            return deadlinesView(c, call.brand().id());
        }));
    }

    private Map<String, Object> deadlinesView(java.sql.Connection c, long brandId) {
        var s = routing.settingsOf(c, brandId);
        boolean own = Sql.count(c, "SELECT COUNT(*) FROM lm_brand_deadline WHERE brand_id = ?", brandId) > 0;
        return Map.of("firstResponseHours", s.firstResponse().toHours(), "regionHours", s.regionTime().toHours(), "own", own);
    }

}
