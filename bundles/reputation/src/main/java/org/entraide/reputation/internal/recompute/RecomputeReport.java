package org.entraide.reputation.internal.recompute;

import java.time.Instant;
import java.util.List;

/**
 * What a recomputation changed, or would change: who gains and who loses what, biggest first.
 *
 * @param dryRun   true when nothing was written
 * @param votes    standing votes scored again
 * @param entries  ledger entries the brand has after it
 */
public record RecomputeReport(long brandId, boolean dryRun, Instant at, int votes, int acceptances, long entries,
                              List<Difference> gains, List<Difference> losses) {
    /** One member whose reputation changes. */
    public record Difference(long userId, String pseudonym, int before, int after) {
        public int change() {
            return after - before;
        }
    }

    public RecomputeReport {
        gains = List.copyOf(gains);
        losses = List.copyOf(losses);
    }
}
