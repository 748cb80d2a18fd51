package org.entraide.core.internal.post;

import java.sql.Connection;

import org.entraide.jdbc.Sql;

/** Looks up public author facts. */
final class Authors {
    private Authors() {
    }

    static Views.Author of(Connection c, long userId) {
        String pseudonym = Sql.one(c, "SELECT pseudonym FROM app_user WHERE id = ?", rs -> rs.getString(1), userId)
            .orElse("?");
        return new Views.Author(userId, pseudonym);
    }

    static Integer voteOf(Connection c, long postId, Long userId) {
        if (userId == null) {
            return null;
        }
        return Sql.one(c, "SELECT vote_value FROM vote WHERE post_id = ? AND user_id = ?", rs -> rs.getInt(1), postId, userId)
            .orElse(0);
    }
}
