package org.entraide.reputation.internal.web;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.reputation.internal.gaming.SerialVoting;
import org.entraide.reputation.internal.recompute.Recomputation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What brand admins and moderators do with reputation: recompute the past, look at suspected gaming. */
final class AdminEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);

    private final Transactions tx;
    private final Recomputation recomputation;
    private final SerialVoting serialVoting;
    private final Clock clock;

    AdminEndpoints(Transactions tx, Recomputation recomputation, SerialVoting serialVoting, Clock clock) {
        this.tx = tx;
        this.recomputation = recomputation;
        this.serialVoting = serialVoting;
        this.clock = clock;
    }

    /** {@code {"dryRun": true}} (the default) reports without writing; false applies it. */
    ApiResult recompute(ApiCall call) {
        var admin = Access.brandAdmin(call);
        JsonNode body = call.body(JsonNode.class);
        JsonNode dryRun = body == null ? null : body.get("dryRun");
        if (dryRun != null && !dryRun.isBoolean()) {
            throw ProblemException.invalid("dryRun", "must be true or false");
        }
        boolean dry = dryRun == null || dryRun.booleanValue();
        if (!dry) {
            LOG.info("Reputation of brand {} recomputed at the request of user {}", call.brand().slug(), admin.userId());
        }
        return ApiResult.ok(recomputation.run(call.brand().id(), dry));
    }

    ApiResult serialVoting(ApiCall call) {
        Access.moderator(call);
        long brandId = call.brand().id();
        return ApiResult.ok(Map.of("suspects", tx.inTransaction(c -> serialVoting.suspects(c, brandId, clock.instant()))));
    }
}
