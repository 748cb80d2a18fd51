package org.entraide.moderation.internal.store;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** The append-only audit log: who did what to which post, why, and the state before and after. */
public final class Audit {
    /** One line of the log; {@code edit} is set on EDIT lines only. */
    public record Entry(long id, Long actorId, String action, Long postId, String reason, String before, String after,
                        Instant at, Edit edit) {
    }

    /** A post's text before and after a moderator corrected it. */
    public record Edit(String titleBefore, String bodyBefore, String titleAfter, String bodyAfter) {
    }

    public void record(Connection c, long brandId, Long actorId, String action, Long postId, String reason, String before,
                       String after, Instant now) {
        Sql.update(c, "INSERT INTO moderation_audit (brand_id, actor_id, action, post_id, reason, before_state, after_state, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", brandId, actorId, action, postId,
            reason == null ? null : reason.substring(0, Math.min(200, reason.length())), before, after, now);
    }

    /** The EDIT line of a post approved with a corrected text. */
    public void recordEdit(Connection c, long brandId, long actorId, long postId, Edit edit, Instant now) {
        Sql.update(c, "INSERT INTO moderation_audit (brand_id, actor_id, action, post_id, before_title, before_body, "
            + "after_title, after_body, created_at) VALUES (?, ?, 'EDIT', ?, ?, ?, ?, ?, ?)", brandId, actorId, postId,
            edit.titleBefore(), edit.bodyBefore(), edit.titleAfter(), edit.bodyAfter(), now);
    }

    /** Newest first; {@code action} null for every action. */
    public List<Entry> list(Connection c, long brandId, String action, Instant from, Instant to, int limit) {
        String sql = "SELECT id, actor_id, action, post_id, reason, before_state, after_state, created_at, "
            + "before_title, before_body, after_title, after_body "
            + "FROM moderation_audit WHERE brand_id = ? AND created_at >= ? AND created_at < ?"
            + (action == null ? "" : " AND action = ?") + " ORDER BY id DESC LIMIT ?";
        Sql.RowMapper<Entry> row = rs -> new Entry(rs.getLong(1), Sql.nullableLong(rs, "actor_id"), rs.getString(3),
            Sql.nullableLong(rs, "post_id"), rs.getString(5), rs.getString(6), rs.getString(7), Sql.instant(rs, "created_at"),
            "EDIT".equals(rs.getString(3)) ? new Edit(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12))
                : null);
        return action == null ? Sql.list(c, sql, row, brandId, from, to, limit)
            : Sql.list(c, sql, row, brandId, from, to, action, limit);
    }

    /** Counts per action and reason over a period: the transparency summary. */
    public List<Object[]> summary(Connection c, long brandId, Instant from, Instant to) {
        return Sql.list(c, "SELECT action, reason, COUNT(*) FROM moderation_audit WHERE brand_id = ? AND created_at >= ? "
            + "AND created_at < ? GROUP BY action, reason ORDER BY action, reason",
            rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, brandId, from, to);
    }
}
