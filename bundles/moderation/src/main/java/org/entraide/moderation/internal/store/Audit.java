package org.entraide.moderation.internal.store;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.platform.Posts;

/** The append-only audit log: who did what to which post, why, and the state before and after. */
public final class Audit {
    private final Posts posts;

    public Audit(Posts posts) {
        this.posts = posts;
    }

    /**
     * One line of the log; {@code edit} is set on EDIT lines only. {@code actorIsComplainant}: the actor is the
     * author of the line's complaint (an appeal), whose id is then null unless the brand lets moderators see it.
     */
    public record Entry(long id, Long actorId, String action, Long postId, String reason, String before, String after,
                        Instant at, Edit edit, boolean actorIsComplainant) {
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

    /**
     * Newest first; {@code action} null for every action. The id of an actor who is the author of the line's
     * complaint is left out unless {@code revealComplainants}: the log must not tie a complaint to its author.
     */
    public List<Entry> list(Connection c, long brandId, String action, Instant from, Instant to, int limit, long offset,
                            boolean revealComplainants) {
        String sql = "SELECT a.id, a.actor_id, a.action, a.post_id, a.reason, a.before_state, a.after_state, a.created_at, "
            + "a.before_title, a.before_body, a.after_title, a.after_body "
            + "FROM moderation_audit a" + where(action) + " ORDER BY a.id DESC LIMIT ? OFFSET ?";
        Sql.RowMapper<Entry> row = rs -> new Entry(rs.getLong(1), Sql.nullableLong(rs, "actor_id"), rs.getString(3),
            Sql.nullableLong(rs, "post_id"), rs.getString(5), rs.getString(6), rs.getString(7), Sql.instant(rs, "created_at"),
            "EDIT".equals(rs.getString(3)) ? new Edit(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12))
                : null, false);
        List<Entry> page = action == null ? Sql.list(c, sql, row, brandId, from, to, limit, offset)
            : Sql.list(c, sql, row, brandId, from, to, action, limit, offset);
        return page.stream().map(e -> withComplainant(c, brandId, e, revealComplainants)).toList();
    }

    /** The line marked when its actor wrote the line's complaint, their id left out unless the brand reveals it. */
    private Entry withComplainant(Connection c, long brandId, Entry e, boolean reveal) {
        boolean complainant = e.actorId() != null && e.postId() != null && posts.post(c, brandId, e.postId())
            .filter(p -> p.type() == PostType.COMPLAINT && p.authorId() == e.actorId()).isPresent();
        return !complainant ? e : new Entry(e.id(), reveal ? e.actorId() : null, e.action(), e.postId(), e.reason(), e.before(),
            e.after(), e.at(), e.edit(), true);
    }

    public long count(Connection c, long brandId, String action, Instant from, Instant to) {
        String sql = "SELECT COUNT(*) FROM moderation_audit a" + where(action);
        return action == null ? Sql.count(c, sql, brandId, from, to) : Sql.count(c, sql, brandId, from, to, action);
    }

    private static String where(String action) {
        return " WHERE a.brand_id = ? AND a.created_at >= ? AND a.created_at < ?" + (action == null ? "" : " AND a.action = ?");
    }

    /** Counts per action and reason over a period: the transparency summary. */
    public List<Object[]> summary(Connection c, long brandId, Instant from, Instant to) {
        return Sql.list(c, "SELECT action, reason, COUNT(*) FROM moderation_audit WHERE brand_id = ? AND created_at >= ? "
            + "AND created_at < ? GROUP BY action, reason ORDER BY action, reason",
            rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, brandId, from, to);
    }
}
