package org.entraide.moderation.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;

/**
 * Members' flags. A flag weighs 1, plus up to 1 for a flagger whose past flags review upheld (their accuracy,
 * counted once they have 3 decided flags); past the brand's threshold, the post is hidden until reviewed.
 */
public final class Flags {
    public static final List<String> REASONS = List.of("spam", "abuse", "personal-data", "off-topic", "other");

    public double weightOf(Connection c, long userId) {
        long decided = Sql.count(c, "SELECT COUNT(*) FROM moderation_flag WHERE user_id = ? AND upheld IS NOT NULL", userId);
        if (decided < 3) {
            return 1.0;
        }
        long upheld = Sql.count(c, "SELECT COUNT(*) FROM moderation_flag WHERE user_id = ? AND upheld = TRUE", userId);
        return 1.0 + (double) upheld / decided;
    }

    /** Records the flag; 409 for a second flag of the member on the post. Returns the post's total weight. */
    public double add(Connection c, long brandId, long postId, long userId, String reason, String detail, Instant now) {
        if (Sql.count(c, "SELECT COUNT(*) FROM moderation_flag WHERE post_id = ? AND user_id = ?", postId, userId) > 0) {
            throw ProblemException.conflict("you already flagged this post");
        }
        Sql.update(c, "INSERT INTO moderation_flag (brand_id, post_id, user_id, reason, detail, weight, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)", brandId, postId, userId, reason, detail, weightOf(c, userId), now);
        return Sql.one(c, "SELECT SUM(weight) FROM moderation_flag WHERE post_id = ? AND upheld IS NULL",
            rs -> rs.getDouble(1), postId).orElse(0.0);
    }

    /** A flag review decided on: its member and reason. */
    public record Decided(long userId, String reason) {
    }

    /** Marks the post's pending flags upheld (the post was rejected) or not; returns those it marked. */
    public List<Decided> decided(Connection c, long postId, boolean upheld) {
        List<Decided> pending = Sql.list(c, "SELECT user_id, reason FROM moderation_flag WHERE post_id = ? AND upheld IS NULL",
            rs -> new Decided(rs.getLong(1), rs.getString(2)), postId);
        Sql.update(c, "UPDATE moderation_flag SET upheld = ? WHERE post_id = ? AND upheld IS NULL", upheld, postId);
        return pending;
    }
}
