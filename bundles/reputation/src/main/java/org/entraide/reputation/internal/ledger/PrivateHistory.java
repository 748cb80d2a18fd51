package org.entraide.reputation.internal.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.entraide.jdbc.Sql;

/**
 * The {@code reputation_private_entry} table: what concerns a member's complaints (a rejection by moderation, an
 * appeal that overturned it). Worth no points, never in the public ledger or a leaderboard; read by the member only.
 */
public final class PrivateHistory {
    /** One private line; {@code reason} is complaint-rejected, complaint-restored, response-rejected or response-restored. */
    public record PrivateEntry(long id, long brandId, long userId, String reason, long postId, Long eventId,
                               Instant occurredAt) {
    }

    private static final String COLUMNS = "id, brand_id, user_id, reason, post_id, event_id, occurred_at";

    /** Records the entry unless its event already wrote one for this member (a redelivered event). */
    public boolean record(Connection c, PrivateEntry e) {
        if (e.eventId() != null && Sql.count(c, "SELECT COUNT(*) FROM reputation_private_entry WHERE event_id = ? "
            + "AND user_id = ?", e.eventId(), e.userId()) > 0) {
            return false;
        }
        Sql.update(c, "INSERT INTO reputation_private_entry (brand_id, user_id, reason, post_id, event_id, occurred_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)", e.brandId(), e.userId(), e.reason(), e.postId(), e.eventId(), e.occurredAt());
        return true;
    }

    /** A member's private entries, newest first. */
    public List<PrivateEntry> of(Connection c, long userId, int offset, int limit) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_private_entry WHERE user_id = ? ORDER BY id DESC "
            + "LIMIT ? OFFSET ?", PrivateHistory::map, userId, limit, offset);
    }

    public long count(Connection c, long userId) {
        return Sql.count(c, "SELECT COUNT(*) FROM reputation_private_entry WHERE user_id = ?", userId);
    }

    private static PrivateEntry map(ResultSet rs) throws SQLException {
        return new PrivateEntry(rs.getLong("id"), rs.getLong("brand_id"), rs.getLong("user_id"), rs.getString("reason"),
            rs.getLong("post_id"), Sql.nullableLong(rs, "event_id"), Sql.instant(rs, "occurred_at"));
    }
}
