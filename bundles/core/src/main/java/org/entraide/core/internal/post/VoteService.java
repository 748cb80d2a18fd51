package org.entraide.core.internal.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.VoteCast;
import org.entraide.api.event.VoteChanged;
import org.entraide.api.event.VoteRetracted;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** Up and down votes on questions and answers: one per user and post, changeable and retractable. */
public final class VoteService {
    private final Database db;
    private final Posts posts;
    private final SubmissionGate gate;
    private final EventLog events;
    private final Clock clock;

    public VoteService(Database db, Posts posts, SubmissionGate gate, EventLog events, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    /** @param value 1 (up), -1 (down) or 0 (retract) */
    public Views.VoteResult vote(Caller caller, Brand brand, long postId, int value) {
        if (value < -1 || value > 1) {
            throw ProblemException.invalid("value", "must be 1, -1 or 0");
        }
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            // The post row lock serializes concurrent votes on one post, so counters never drift.
            PostRow p = posts.lock(c, postId).filter(r -> r.brandId() == brand.id() && r.isPublished())
                .orElseThrow(() -> ProblemException.notFound("no post " + postId));
            if (!p.type().isVotable()) {
                throw ProblemException.badRequest("only questions and answers take votes");
            }
            if (p.isDeleted()) {
                // what votes on it earned was taken back with it (reputation): it takes no new ones
                throw ProblemException.conflict("post " + postId + " was deleted by its author");
            }
            if (p.authorId() == caller.userId()) {
                throw ProblemException.forbidden("you cannot vote on your own post");
            }
            int previous = Sql.one(c, "SELECT vote_value FROM vote WHERE post_id = ? AND user_id = ?",
                rs -> rs.getInt(1), postId, caller.userId()).orElse(0);
            if (previous == value) {
                return new Views.VoteResult(postId, p.score(), p.upVotes(), p.downVotes(), value);
            }
            if (value != 0) {
                // Steps such as privilege checks may refuse the vote; retracting is always allowed.
                gate.decide(new Submission(brand.id(), Submission.Kind.VOTE, caller, p.type(), postId, null, null, value,
                    PublicationState.PUBLISHED, List.of()));
            }
            Instant now = clock.instant();
            if (previous == 0) {
                Sql.update(c, "INSERT INTO vote (post_id, user_id, vote_value, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    postId, caller.userId(), value, now, now);
            } else if (value == 0) {
                Sql.update(c, "DELETE FROM vote WHERE post_id = ? AND user_id = ?", postId, caller.userId());
            } else {
                Sql.update(c, "UPDATE vote SET vote_value = ?, updated_at = ? WHERE post_id = ? AND user_id = ?",
                    value, now, postId, caller.userId());
            }
            int up = (value == 1 ? 1 : 0) - (previous == 1 ? 1 : 0);
            int down = (value == -1 ? 1 : 0) - (previous == -1 ? 1 : 0);
            Sql.update(c, "UPDATE post SET score = score + ?, up_votes = up_votes + ?, down_votes = down_votes + ? WHERE id = ?",
                value - previous, up, down, postId);
            Event event = previous == 0
                ? new VoteCast(postId, p.type(), p.authorId(), caller.userId(), value, previous, p.parentId())
                : value == 0 ? new VoteRetracted(postId, p.type(), p.authorId(), caller.userId(), value, previous, p.parentId())
                : new VoteChanged(postId, p.type(), p.authorId(), caller.userId(), value, previous, p.parentId());
            events.append(c, brand.id(), caller.userId(), postId, event);
            return new Views.VoteResult(postId, p.score() + value - previous, p.upVotes() + up, p.downVotes() + down, value);
        });
    }
}
