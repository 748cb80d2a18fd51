package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.jdbc.Sql;

/**
 * Awards stated by other plugins' events ({@code reputation_award}, one per event): {@code article.promoted} gives
 * the contributor the points the brand set. The event's id makes it once, and a recomputation scores them again.
 */
public final class AwardJournal {
    public record Award(long eventId, long brandId, long userId, String reason, int points, Long postId, Long actorId,
                        Instant at) {
    }

    /** @return false when the event was already recorded (a redelivery): nothing more is given */
    public boolean record(Connection c, Award a) {
        if (Sql.count(c, "SELECT COUNT(*) FROM reputation_award WHERE event_id = ?", a.eventId()) > 0) {
            return false;
        }
        Sql.update(c, "INSERT INTO reputation_award (event_id, brand_id, user_id, reason, points, post_id, actor_id, "
            + "awarded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.eventId(), a.brandId(), a.userId(), a.reason(), a.points(),
            a.postId(), a.actorId(), a.at());
        return true;
    }

    /** The brand's awards, oldest first: what a recomputation scores. */
    public List<Award> all(Connection c, long brandId) {
        return Sql.list(c, "SELECT event_id, brand_id, user_id, reason, points, post_id, actor_id, awarded_at "
                + "FROM reputation_award WHERE brand_id = ? ORDER BY awarded_at, event_id",
            rs -> new Award(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                Sql.nullableLong(rs, "post_id"), Sql.nullableLong(rs, "actor_id"), Sql.instant(rs, "awarded_at")), brandId);
    }
}
