package org.entraide.reputation.internal.ledger;

import java.sql.Connection;
import java.util.List;

import org.entraide.reputation.internal.rules.Rule;

/**
 * The scoring rules: what a vote or an acceptance gives, and how withdrawing it takes back exactly that.
 * The event subscriber and the recomputation both score through here, so they agree.
 */
public final class Scorer {
    public static final List<String> VOTE_REASONS = List.of(Rule.ANSWER_UPVOTED.code(), Rule.QUESTION_UPVOTED.code(),
        Rule.POST_DOWNVOTED.code(), Rule.DOWNVOTE_GIVEN.code());
    public static final List<String> ACCEPTANCE_REASONS = List.of(Rule.ANSWER_ACCEPTED.code(), Rule.ACCEPTANCE_GIVEN.code());

    /** Decides whether a voter's vote counts (new accounts' votes do not). */
    @FunctionalInterface
    public interface VoteFilter {
        VoteFilter ALL = (c, p, v) -> true;

        boolean counts(Connection c, Posting posting, Vote vote);
    }

    private final Ledger ledger;
    private volatile VoteFilter filter = VoteFilter.ALL;

    public Scorer(Ledger ledger) {
        this.ledger = ledger;
    }

    public void setVoteFilter(VoteFilter filter) {
        this.filter = filter;
    }

    /** A vote cast (or the new value of a changed vote, after {@link #withdrawVote}). */
    public void vote(Connection c, Posting p, Vote v) {
        if (v.voterId() == v.authorId() || !filter.counts(c, p, v)) {
            // nobody earns from their own posts; votes that do not count leave no entry to take back
            return;
        }
        if (v.value() > 0) {
            p.credit(v.authorId(), v.answer() ? Rule.ANSWER_UPVOTED : Rule.QUESTION_UPVOTED, v.postId(), v.voterId());
        } else {
            p.credit(v.authorId(), Rule.POST_DOWNVOTED, v.postId(), v.voterId());
            if (v.answer()) {
                p.credit(v.voterId(), Rule.DOWNVOTE_GIVEN, v.postId(), v.voterId());
            }
        }
    }

    /** Takes back what the voter's standing vote on the post gave, to its author and to the voter. @return the reversals */
    public List<Entry> withdrawVote(Connection c, Posting p, long postId, long voterId, String cause) {
        return reverseAll(c, p, postId, voterId, VOTE_REASONS, cause);
    }

    /** The answer's author earns the acceptance, the asker who accepts it a little too, unless they are one person. */
    public void accept(Posting p, long answerId, long answerAuthorId, long accepterId) {
        if (answerAuthorId == accepterId) {
            return;
        }
        p.credit(answerAuthorId, Rule.ANSWER_ACCEPTED, answerId, accepterId);
        p.credit(accepterId, Rule.ACCEPTANCE_GIVEN, answerId, accepterId);
    }

    public List<Entry> withdrawAcceptance(Connection c, Posting p, long answerId, long accepterId) {
        return reverseAll(c, p, answerId, accepterId, ACCEPTANCE_REASONS, "unaccepted");
    }

    /**
     * Moderation rejected the author's post. The entry names the author as its actor too: whoever rejected it (a
     * moderator, a rule, a later reviewer of the appeal), the penalty belongs to the post and its author, and
     * {@link #withdrawRejection} finds it there.
     */
    public void reject(Posting p, long postId, long authorId) {
        p.credit(authorId, Rule.POST_REJECTED, postId, authorId);
    }

    /** The rejected post was published again (an overturned appeal): the penalty is taken back. */
    public List<Entry> withdrawRejection(Connection c, Posting p, long postId, long authorId) {
        return reverseAll(c, p, postId, authorId, List.of(Rule.POST_REJECTED.code()), "post-restored");
    }

    /**
     * Its author deleted the post: what votes on it gave or cost its author is taken back (cause {@code post-deleted}).
     * Voters keep what their votes cost them, as with a retraction they did not make; an accepted answer cannot be
     * deleted, so no acceptance is concerned. Applying it twice finds nothing left to take back.
     */
    public List<Entry> withdrawPost(Connection c, Posting p, long postId, long authorId) {
        return ledger.standingFor(c, postId, authorId, List.of(Rule.ANSWER_UPVOTED.code(), Rule.QUESTION_UPVOTED.code(),
            Rule.POST_DOWNVOTED.code())).stream().map(e -> p.reverse(e, "post-deleted")).toList();
    }

    private List<Entry> reverseAll(Connection c, Posting p, long postId, long actorId, List<String> reasons, String cause) {
        return ledger.standing(c, postId, actorId, reasons).stream().map(e -> p.reverse(e, cause)).toList();
    }
}
