package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/**
 * Moderation's standing rejections ({@code reputation_rejection}), kept from the post.rejected and post.published
 * events with the same guard against a redelivered event as {@link VoteJournal}: the penalty of a rejection is
 * given once, and taken back once when the post is published again.
 */
public final class RejectionJournal {
    /** A post's last rejection or restoration; {@code rejected} false once restored. */
    public record Rejection(long postId, long brandId, long authorId, boolean rejected, long eventId, Instant changedAt) {
    }

    private static final String COLUMNS = "post_id, brand_id, author_id, rejected, event_id, changed_at";

    public Optional<Rejection> find(Connection c, long postId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM reputation_rejection WHERE post_id = ?", RejectionJournal::map, postId);
    }

    public boolean isNew(Connection c, long postId, long eventId) {
        return find(c, postId).map(r -> r.eventId() < eventId).orElse(true);
    }

    /** Whether a rejection of the post stands, as last recorded. */
    public boolean stands(Connection c, long postId) {
        return find(c, postId).map(Rejection::rejected).orElse(false);
    }

    public void record(Connection c, Rejection r) {
        int n = Sql.update(c, "UPDATE reputation_rejection SET rejected = ?, event_id = ?, changed_at = ? WHERE post_id = ?",
            r.rejected(), r.eventId(), r.changedAt(), r.postId());
        if (n == 0) {
            Sql.update(c, "INSERT INTO reputation_rejection (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", r.postId(),
                r.brandId(), r.authorId(), r.rejected(), r.eventId(), r.changedAt());
        }
    }

    /** The brand's standing rejections, oldest first: what a recomputation scores. */
    public List<Rejection> standing(Connection c, long brandId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_rejection WHERE brand_id = ? AND rejected = TRUE "
            + "ORDER BY changed_at, event_id", RejectionJournal::map, brandId);
    }

    static Rejection map(ResultSet rs) throws SQLException {
        return new Rejection(rs.getLong("post_id"), rs.getLong("brand_id"), rs.getLong("author_id"),
            rs.getBoolean("rejected"), rs.getLong("event_id"), Sql.instant(rs, "changed_at"));
    }
}
