package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.jdbc.Sql;

/** The kept versions of posts' texts ({@code post_revision}), within the caller's transaction. */
final class PostRevisions {

    /**
     * Stores a new version of {@code p} and answers its number. The first edit also stores the text as first posted
     * (revision 1), so that posts never edited cost no row.
     */
    int add(Connection c, PostRow p, String title, String body, long editorId, boolean byModerator, Instant now) {
        int last = (int) Sql.count(c, "SELECT COALESCE(MAX(revision), 0) FROM post_revision WHERE post_id = ?", p.id());
        if (last == 0) {
            Sql.update(c, "INSERT INTO post_revision (post_id, revision, title, body, editor_id, by_moderator, created_at) "
                + "VALUES (?, 1, ?, ?, ?, FALSE, ?)", p.id(), p.title(), p.body(), p.authorId(), p.createdAt());
            last = 1;
        }
        int next = last + 1;
        Sql.update(c, "INSERT INTO post_revision (post_id, revision, title, body, editor_id, by_moderator, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)", p.id(), next, title, body, editorId, byModerator, now);
        return next;
    }

    /** How many versions the post has: 1 when it was never edited. */
    int count(Connection c, long postId) {
        return (int) Math.max(1, Sql.count(c, "SELECT COALESCE(MAX(revision), 0) FROM post_revision WHERE post_id = ?", postId));
    }

    boolean lastByModerator(Connection c, long postId) {
        return Sql.one(c, "SELECT by_moderator FROM post_revision WHERE post_id = ? ORDER BY revision DESC LIMIT 1",
            rs -> rs.getBoolean(1), postId).orElse(false);
    }

    /** Oldest first; a complaint's versions never name their editor (its author). */
    List<Views.Revision> list(Connection c, PostRow p, ContentRenderer renderer) {
        boolean anonymous = p.type() == PostType.COMPLAINT;
        List<Views.Revision> stored = Sql.list(c, "SELECT revision, title, body, editor_id, by_moderator, created_at "
                + "FROM post_revision WHERE post_id = ? ORDER BY revision",
            rs -> new Views.Revision(rs.getInt(1), rs.getString(2), rs.getString(3), renderer.toHtml(rs.getString(3)),
                anonymous ? null : Authors.of(c, rs.getLong(4)), rs.getBoolean(5), Sql.instant(rs, "created_at")), p.id());
        if (!stored.isEmpty()) {
            return stored;
        }
        return List.of(new Views.Revision(1, p.title(), p.body(), renderer.toHtml(p.body()),
            anonymous ? null : Authors.of(c, p.authorId()), false, p.createdAt()));
    }
}
