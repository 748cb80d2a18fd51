package org.entraide.reputation.internal.events;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;


/**
 * The current vote of each voter on each post ({@code reputation_vote}), kept from the vote events. The core
 * serializes votes on one post, so their event ids grow: an event whose id is not newer than the one
 * recorded was already applied, and is ignored if it is ever delivered again.
 */
public final class VoteJournal {
    /** One voter's vote on one post; value 0 once retracted. */
    public record JournalVote(long postId, long voterId, long brandId, long authorId, boolean answer, int value,
                              long eventId, Instant votedAt, boolean invalidated) {
    }

    private static final String COLUMNS = "post_id, voter_id, brand_id, author_id, post_type, vote_value, event_id, "
        + "voted_at, invalidated";

    public Optional<JournalVote> find(Connection c, long postId, long voterId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM reputation_vote WHERE post_id = ? AND voter_id = ?",
            VoteJournal::map, postId, voterId);
    }

    /** Whether the event is newer than what the journal holds for that vote. */
    public boolean isNew(Connection c, long postId, long voterId, long eventId) {
        return find(c, postId, voterId).map(v -> v.eventId() < eventId).orElse(true);
    }

    public void record(Connection c, JournalVote v) {
        int n = Sql.update(c, "UPDATE reputation_vote SET vote_value = ?, event_id = ?, voted_at = ?, invalidated = FALSE "
            + "WHERE post_id = ? AND voter_id = ?", v.value(), v.eventId(), v.votedAt(), v.postId(), v.voterId());
        if (n == 0) {
            Sql.update(c, "INSERT INTO reputation_vote (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                v.postId(), v.voterId(), v.brandId(), v.authorId(), v.answer() ? "ANSWER" : "QUESTION", v.value(),
                v.eventId(), v.votedAt());
        }
    }

    /** A vote whose points were taken back by moderation (serial voting): recomputation leaves it out too. */
    public void invalidate(Connection c, long postId, long voterId) {
        Sql.update(c, "UPDATE reputation_vote SET invalidated = TRUE WHERE post_id = ? AND voter_id = ?", postId, voterId);
    }

    /** The brand's standing votes, oldest first: what a recomputation scores. */
    public List<JournalVote> standing(Connection c, long brandId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_vote WHERE brand_id = ? AND vote_value <> 0 "
            + "AND invalidated = FALSE ORDER BY voted_at, event_id", VoteJournal::map, brandId);
    }

    /** Standing votes cast in the brand since {@code since}, for the anti-gaming checks. */
    public List<JournalVote> since(Connection c, long brandId, Instant since) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_vote WHERE brand_id = ? AND voted_at >= ? "
            + "AND vote_value <> 0 AND invalidated = FALSE ORDER BY voted_at, event_id", VoteJournal::map, brandId, since);
    }

    static JournalVote map(ResultSet rs) throws SQLException {
        return new JournalVote(rs.getLong("post_id"), rs.getLong("voter_id"), rs.getLong("brand_id"),
            rs.getLong("author_id"), "ANSWER".equals(rs.getString("post_type")), rs.getInt("vote_value"),
            rs.getLong("event_id"), Sql.instant(rs, "voted_at"), rs.getBoolean("invalidated"));
    }
}
