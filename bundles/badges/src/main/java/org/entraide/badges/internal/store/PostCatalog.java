package org.entraide.badges.internal.store;

import org.entraide.api.model.Store;
import org.entraide.badges.internal.CoreReads;
import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each published question and answer belongs: its topic, tags and store city (an answer takes its
 * question's), so that a vote or an acceptance counts in the right scopes.
 */
public final class PostCatalog {
    private final CoreReads core;

    public PostCatalog(CoreReads core) {
        this.core = core;
    }

    /** A post as badges see it. */
    public record Post(long id, long brandId, long authorId, String type, Long parentId, Long topicId, String city,
                       List<String> tags) {
        public boolean isAnswer() {
            return "ANSWER".equals(type);
        }

        /** The scopes the post's metrics count in: the whole brand, its topic, its tags, its city (answers). */
        public List<String> scopes() {
            List<String> out = new ArrayList<>();
            out.add("");
            if (topicId != null) {
                out.add("topic:" + topicId);
            }
            tags.forEach(t -> out.add("tag:" + t));
            if (city != null && isAnswer()) {
                out.add("city:" + city);
            }
            return out;
        }

        /** The post's own scope, for per-post badges. */
        public String ownScope() {
            return (isAnswer() ? "answer:" : "question:") + id;
        }
    }

    public Optional<Post> find(Connection c, long postId) {
        return Sql.one(c, "SELECT post_id, brand_id, author_id, post_type, parent_id, topic_id, city FROM badge_post "
            + "WHERE post_id = ?", rs -> new Post(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                Sql.nullableLong(rs, "parent_id"), Sql.nullableLong(rs, "topic_id"), rs.getString(7), List.of()), postId)
            .map(p -> new Post(p.id(), p.brandId(), p.authorId(), p.type(), p.parentId(), p.topicId(), p.city(),
                Sql.list(c, "SELECT tag FROM badge_post_tag WHERE post_id = ? ORDER BY tag", rs -> rs.getString(1), postId)));
    }

    public void add(Connection c, Post p) {
        Sql.update(c, "INSERT INTO badge_post (post_id, brand_id, author_id, post_type, parent_id, topic_id, city, score, "
            + "accepted) VALUES (?, ?, ?, ?, ?, ?, ?, 0, FALSE)", p.id(), p.brandId(), p.authorId(), p.type(), p.parentId(),
            p.topicId(), p.city());
        for (String tag : p.tags()) {
            Sql.update(c, "INSERT INTO badge_post_tag (post_id, tag) VALUES (?, ?)", p.id(), tag);
        }
    }

    /** Forgets a post (its author deleted it): nothing about it counts any more. */
    public void remove(Connection c, long postId) {
        Sql.update(c, "DELETE FROM badge_post_tag WHERE post_id = ?", postId);
        Sql.update(c, "DELETE FROM badge_post WHERE post_id = ?", postId);
    }

    /** A post as the core knows it now: topic, tags and the city of its store, through the platform services. */
    public Optional<Post> fromCore(Connection c, long postId, long brandId, long authorId, String type) {
        return core.posts().post(c, brandId, postId).map(p -> new Post(postId, brandId, authorId, type, p.parentId(),
            p.topicId(), p.storeId() == null ? null : core.stores().byId(c, brandId, p.storeId()).map(Store::city).orElse(null),
            p.tags()));
    }
}
