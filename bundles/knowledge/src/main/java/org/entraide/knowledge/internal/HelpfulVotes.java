package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.jdbc.Sql;

/** Readers' votes on articles: one per reader and article, changed in place; a reason only for "not helpful". */
final class HelpfulVotes {
    record Tally(long helpful, long notHelpful) {
    }

    record Reason(long userId, String reason, Instant at) {
    }

    /** A member's own vote, for their export. */
    record Given(long articleId, boolean helpful, String reason, Instant at) {
    }

    /** Records or changes the reader's vote; the row's key makes it one per reader even when two arrive at once. */
    void vote(Connection c, long articleId, long userId, boolean helpful, String reason, Instant now) {
        int changed = Sql.update(c, "UPDATE kn_helpful SET helpful = ?, reason = ?, voted_at = ? WHERE article_id = ? "
            + "AND user_id = ?", helpful, helpful ? null : reason, now, articleId, userId);
        if (changed == 0) {
            Sql.update(c, "INSERT INTO kn_helpful (article_id, user_id, helpful, reason, voted_at) VALUES (?, ?, ?, ?, ?)",
                articleId, userId, helpful, helpful ? null : reason, now);
        }
    }

    Tally tally(Connection c, long articleId) {
        return new Tally(
            Sql.count(c, "SELECT COUNT(*) FROM kn_helpful WHERE article_id = ? AND helpful = TRUE", articleId),
            Sql.count(c, "SELECT COUNT(*) FROM kn_helpful WHERE article_id = ? AND helpful = FALSE", articleId));
    }

    /** The reader's own vote: null when none. */
    Boolean mine(Connection c, long articleId, long userId) {
        return Sql.one(c, "SELECT helpful FROM kn_helpful WHERE article_id = ? AND user_id = ?", rs -> rs.getBoolean(1),
            articleId, userId).orElse(null);
    }

    /** Why readers found it unhelpful, newest first: for the brand's staff only. */
    List<Reason> reasons(Connection c, long articleId, int limit) {
        return Sql.list(c, "SELECT user_id, reason, voted_at FROM kn_helpful WHERE article_id = ? AND helpful = FALSE "
                + "AND reason IS NOT NULL ORDER BY voted_at DESC LIMIT ?",
            rs -> new Reason(rs.getLong(1), rs.getString(2), Sql.instant(rs, "voted_at")), articleId, limit);
    }

    List<Given> byUser(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT h.article_id, h.helpful, h.reason, h.voted_at FROM kn_helpful h "
                + "JOIN kn_article a ON a.id = h.article_id WHERE a.brand_id = ? AND h.user_id = ? ORDER BY h.article_id",
            rs -> new Given(rs.getLong(1), rs.getBoolean(2), rs.getString(3), Sql.instant(rs, "voted_at")), brandId, userId);
    }

    /** An erased reader's votes still count; their words go. */
    void eraseReasons(Connection c, long brandId, long userId) {
        Sql.update(c, "UPDATE kn_helpful SET reason = NULL WHERE user_id = ? AND article_id IN "
            + "(SELECT id FROM kn_article WHERE brand_id = ?)", userId, brandId);
    }
}
