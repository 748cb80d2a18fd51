package org.entraide.reputation.internal.privileges;

import java.util.Map;

import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.reputation.ReputationEvents;
import org.entraide.api.storage.Transactions;
import org.entraide.reputation.internal.ledger.Member;
import org.entraide.reputation.internal.ledger.Members;
import org.entraide.reputation.internal.rules.BrandRules;
import org.entraide.reputation.internal.rules.Privilege;

/**
 * Refuses actions a member has not earned: voting up, voting down, flagging, commenting, each from the brand's
 * threshold. Runs in the submission pipeline, inside the write transaction, only for brands that enabled
 * reputation; staff need no reputation. Retracting a vote never reaches the pipeline, so it is always allowed.
 */
public final class PrivilegeStep implements SubmissionStep {
    public static final int ORDER = 100;

    private final Transactions tx;
    private final BrandRules rules;
    private final Members members;

    public PrivilegeStep(Transactions tx, BrandRules rules, Members members) {
        this.tx = tx;
        this.rules = rules;
        this.members = members;
    }

    @Override
    public String capability() {
        return ReputationEvents.CAPABILITY;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Submission apply(Submission s) {
        Privilege needed = needed(s);
        if (needed == null || s.author().isStaff()) {
            return s;
        }
        long userId = s.author().userId();
        int[] thresholdAndReputation = tx.inTransaction(c -> new int[] {
            rules.thresholds(c, s.brandId()).of(needed),
            members.find(c, userId).map(Member::points).orElse(Member.FLOOR)});
        int threshold = thresholdAndReputation[0];
        int reputation = thresholdAndReputation[1];
        if (reputation < threshold) {
            throw new ProblemException(403, "privilege-required", "Not enough reputation",
                "this needs " + threshold + " reputation (" + needed.code() + "); you have " + reputation, null,
                Map.of("privilege", needed.code(), "threshold", threshold, "reputation", reputation));
        }
        return s;
    }

    /**
     * The privilege a submission needs, or null: asking and answering are open to everyone, and so is commenting on
     * one's own post or on the answers to one's own question.
     */
    static Privilege needed(Submission s) {
        return switch (s.kind()) {
            case VOTE -> s.value() > 0 ? Privilege.VOTE_UP : s.value() < 0 ? Privilege.VOTE_DOWN : null;
            case FLAG -> Privilege.FLAG;
            case POST -> null;
            // the author of a post, or of its question, may always comment there (value 1), as on peers' sites
            case COMMENT -> s.value() == 1 ? null : Privilege.COMMENT;
        };
    }
}
