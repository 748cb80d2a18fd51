package org.entraide.moderation.internal;

import java.util.Map;
import java.util.OptionalInt;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.api.security.Caller;

/**
 * Members' reputation as the reputation plugin keeps it, when that plugin is installed: for rules on the author's
 * reputation, for the review queue, and for the flag privilege. Without the plugin (or with reputation off for the
 * brand) a member has no reputation here, and flagging needs none.
 */
public final class AuthorReputation {
    /** The reputation plugin's privilege to flag posts. */
    static final String FLAG = "flag";

    private volatile ReputationLookup lookup;

    void use(ReputationLookup r) {
        this.lookup = r;
    }

    /** The member's reputation in the brand, or null when the brand has no reputation. */
    public Integer of(long brandId, long userId) {
        ReputationLookup r = lookup;
        if (r == null) {
            return null;
        }
        OptionalInt p = r.reputationOf(brandId, userId);
        return p.isPresent() ? p.getAsInt() : null;
    }

    /**
     * Refuses a member whose reputation is below the brand's threshold for the privilege, with the reputation
     * plugin's own 403 problem; staff need no reputation.
     */
    void require(Caller caller, long brandId, String privilege) {
        ReputationLookup r = lookup;
        if (r == null || caller.isStaff()) {
            return;
        }
        OptionalInt threshold = r.thresholdOf(brandId, privilege);
        Integer reputation = of(brandId, caller.userId());
        if (threshold.isPresent() && reputation != null && reputation < threshold.getAsInt()) {
            throw new ProblemException(403, "privilege-required", "Not enough reputation",
                "this needs " + threshold.getAsInt() + " reputation (" + privilege + "); you have " + reputation, null,
                Map.of("privilege", privilege, "threshold", threshold.getAsInt(), "reputation", reputation));
        }
    }
}
