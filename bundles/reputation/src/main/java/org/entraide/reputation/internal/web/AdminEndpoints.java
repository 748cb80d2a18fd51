package org.entraide.reputation.internal.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

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

    /** The body of a recomputation: a dry run unless {@code dryRun} is false. */
    record RecomputeRequest(Boolean dryRun) {
    }

    /** {@code {"dryRun": true}} (the default) reports without writing; false applies it. */
    ApiResult recompute(ApiCall call) {
        var admin = Access.brandAdmin(call);
        boolean dry = !Boolean.FALSE.equals(call.body(RecomputeRequest.class).dryRun());
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

    /** Suspected voting rings, a page of them: a report, no sanction. */
    ApiResult votingRings(ApiCall call) {
        Access.moderator(call);
        long brandId = call.brand().id();
        int page = call.intQuery("page", 1, 1, Access.MAX_PAGE);
        int size = call.intQuery("size", 20, 1, Access.MAX_PAGE_SIZE);
        var all = tx.inTransaction(c -> rings.find(c, brandId, clock.instant()));
        int from = Math.min(all.size(), (page - 1) * size);
        return ApiResult.ok(new HistoryEndpoint.Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))),
            all.size(), page, size));
    }
}
