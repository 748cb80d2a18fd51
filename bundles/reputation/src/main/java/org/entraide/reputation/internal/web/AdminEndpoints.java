package org.entraide.reputation.internal.web;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.reputation.internal.gaming.SerialVoting;
import org.entraide.reputation.internal.gaming.SerialVotingJob;
import org.entraide.reputation.internal.gaming.VotingRings;
import org.entraide.reputation.internal.recompute.Recomputation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What brand admins and moderators do with reputation: recompute the past, look at suspected gaming. */
final class AdminEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);

    private final Transactions tx;
    private final Recomputation recomputation;
    private final SerialVoting serialVoting;
    private final SerialVotingJob job;
    private final VotingRings rings;
    private final Clock clock;

    AdminEndpoints(Transactions tx, Recomputation recomputation, SerialVoting serialVoting, SerialVotingJob job,
                   VotingRings rings, Clock clock) {
        this.tx = tx;
        this.recomputation = recomputation;
        this.serialVoting = serialVoting;
        this.job = job;
        this.rings = rings;
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

    /** Pairs that look like serial voting now (the job will reverse them), and the cases it reversed, newest first. */
    ApiResult serialVoting(ApiCall call) {
        Access.moderator(call);
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> Map.of(
            "suspects", serialVoting.suspects(c, brandId, clock.instant()),
            "reversed", job.cases(c, brandId, 100))));
    }

    /** Suspected voting rings: a report, no sanction. */
    ApiResult votingRings(ApiCall call) {
        Access.moderator(call);
        long brandId = call.brand().id();
        return ApiResult.ok(Map.of("rings", tx.inTransaction(c -> rings.find(c, brandId, clock.instant()))));
    }
}
