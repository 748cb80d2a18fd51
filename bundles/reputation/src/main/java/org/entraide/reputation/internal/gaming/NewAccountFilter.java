package org.entraide.reputation.internal.gaming;

import java.sql.Connection;
import java.time.Duration;

import org.entraide.reputation.internal.ledger.Member;
import org.entraide.reputation.internal.ledger.Members;
import org.entraide.reputation.internal.ledger.Posting;
import org.entraide.reputation.internal.ledger.Scorer;
import org.entraide.reputation.internal.ledger.Vote;
import org.entraide.reputation.internal.rules.BrandRules;
import org.entraide.reputation.internal.rules.Privilege;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves out the votes of accounts too young, or of members who had not earned the right to vote when they
 * voted (possible while the brand had reputation disabled): fresh accounts are the cheapest way to inflate
 * a friend's reputation. Judged at the vote's time, so a recomputation judges the same way.
 */
public final class NewAccountFilter implements Scorer.VoteFilter {
    private static final Logger LOG = LoggerFactory.getLogger(NewAccountFilter.class);

    private final Members members;
    private final BrandRules rules;
    private volatile VoteCounting counting;

    public NewAccountFilter(Members members, BrandRules rules, VoteCounting counting) {
        this.members = members;
        this.rules = rules;
        this.counting = counting;
    }

    public void setCounting(VoteCounting counting) {
        this.counting = counting;
    }

    @Override
    public boolean counts(Connection c, Posting posting, Vote vote) {
        Member voter = members.require(c, posting.brandId(), vote.voterId(), posting.at());
        if (voter.isStaff()) {
            return true;
        }
        VoteCounting now = counting;
        if (voter.registeredAt() != null && Duration.between(voter.registeredAt(), posting.at()).compareTo(now.minAge()) < 0) {
            LOG.debug("Vote of {} on post {} not counted: account younger than {}", vote.voterId(), vote.postId(), now.minAge());
            return false;
        }
        if (now.requirePrivilege()) {
            Privilege needed = vote.value() > 0 ? Privilege.VOTE_UP : Privilege.VOTE_DOWN;
            if (voter.points() < rules.thresholds(c, posting.brandId()).of(needed)) {
                LOG.debug("Vote of {} on post {} not counted: {} below the {} threshold", vote.voterId(), vote.postId(),
                    voter.points(), needed.code());
                return false;
            }
        }
        return true;
    }
}
