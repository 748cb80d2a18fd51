package org.entraide.reputation.internal.board;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;


/** Where posts belong (topic, tags), learnt from post.published events: leaderboards per topic and tag need it. */
public final class PostCatalog {
    /** A post's topic (null if none) and tags. */
    public record Placement(long postId, Long topicId, List<String> tags) {
        public Placement {
            tags = List.copyOf(tags);
        }
    }

    /** Records a published post once; an answer takes the tags of its question. */
    public void published(Connection c, long brandId, long postId, Long topicId, Long parentId, List<String> tags) {
        if (find(c, postId).isPresent()) {
            return;
        }
        Sql.update(c, "INSERT INTO reputation_post (post_id, brand_id, topic_id, parent_id) VALUES (?, ?, ?, ?)",
            postId, brandId, topicId, parentId);
        List<String> own = parentId == null ? tags : find(c, parentId).map(Placement::tags).orElse(tags);
        for (String tag : own.stream().distinct().toList()) {
            Sql.update(c, "INSERT INTO reputation_post_tag (post_id, tag) VALUES (?, ?)", postId, tag);
        }
    }

    public Optional<Placement> find(Connection c, long postId) {
        return Sql.one(c, "SELECT topic_id FROM reputation_post WHERE post_id = ?",
                rs -> new Placement(postId, Sql.nullableLong(rs, "topic_id"), List.of()), postId)
            .map(p -> new Placement(postId, p.topicId(), Sql.list(c,
                "SELECT tag FROM reputation_post_tag WHERE post_id = ? ORDER BY tag", rs -> rs.getString(1), postId)));
    }
}
