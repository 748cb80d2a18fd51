package org.entraide.core.internal.platform;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.model.Topic;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.PostText;
import org.entraide.api.platform.PublicPost;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.TextRules;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.post.PostRow;
import org.entraide.core.internal.user.Users;

/** The core's answers to what plugins read: posts, members, stores, brands and topics, always within one brand. */
public final class PlatformReads implements Posts, Members, Stores, Brands {
    private final BrandDirectory brands;
    private final Users users;
    private final org.entraide.core.internal.post.Posts posts;

    public PlatformReads(BrandDirectory brands, Users users, org.entraide.core.internal.post.Posts posts) {
        this.brands = brands;
        this.users = users;
        this.posts = posts;
    }

    @Override
    public Optional<PostFacts> post(Connection c, long brandId, long postId) {
        return posts.find(c, postId).filter(p -> p.brandId() == brandId).map(p -> facts(c, p));
    }

    @Override
    public Optional<PostText> text(Connection c, long brandId, long postId) {
        return posts.find(c, postId).filter(p -> p.brandId() == brandId).map(p -> new PostText(p.title(), p.body(), p.showAuthor()));
    }

    @Override
    public long countByAuthor(Connection c, long brandId, long authorId, PublicationState publication, Instant createdAfter,
                              String body) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM post WHERE brand_id = ? AND author_id = ?");
        List<Object> params = new ArrayList<>(List.of(brandId, authorId));
        if (publication != null) {
            sql.append(" AND publication = ?");
            params.add(publication.name());
        }
        if (createdAfter != null) {
            sql.append(" AND created_at > ?");
            params.add(createdAfter);
        }
        if (body != null) {
            sql.append(" AND body = ?");
            params.add(body);
        }
        return Sql.count(c, sql.toString(), params.toArray());
    }

    @Override
    public Map<Long, ComplaintFacts> complaints(Connection c, long brandId, Collection<Long> complaintIds) {
        Map<Long, ComplaintFacts> found = new LinkedHashMap<>();
        for (PostRow p : posts.findAll(c, brandId, PostType.COMPLAINT, complaintIds)) {
            found.put(p.id(), new ComplaintFacts(p.id(), p.brandId(), p.title(), p.publication(), p.complaintStatus(),
                p.storeId(), p.createdAt()));
        }
        return found;
    }

    /**
     * One read per page: an answer takes its question's title, topic, store and tags, and is readable only while its
     * question is; tags come in one query for the page.
     */
    @Override
    public List<PublicPost> publicPosts(Connection c, long brandId, long afterId, int limit) {
        return readPublic(c, " AND p.id > ? ORDER BY p.id LIMIT ?", brandId, afterId, Math.max(0, limit));
    }

    @Override
    public Optional<PublicPost> publicPost(Connection c, long brandId, long postId) {
        return readPublic(c, " AND p.id = ?", brandId, postId).stream().findFirst();
    }

    @Override
    public List<PublicPost> publicAnswers(Connection c, long brandId, long questionId) {
        return readPublic(c, " AND p.post_type = 'ANSWER' AND p.parent_id = ? ORDER BY p.id", brandId, questionId);
    }

    private static final String PUBLIC_POSTS = "SELECT p.id, p.post_type, p.parent_id, COALESCE(q.title, p.title) AS title, "
        + "p.body, COALESCE(q.topic_id, p.topic_id) AS topic_id, COALESCE(q.store_id, p.store_id) AS store_id, "
        + "p.official, p.score, p.accepted_answer_id, q.accepted_answer_id AS question_accepted, p.complaint_status, "
        + "p.created_at FROM post p LEFT JOIN post q ON q.id = p.parent_id AND p.post_type = 'ANSWER' "
        + "WHERE p.brand_id = ? AND p.publication = 'PUBLISHED' AND p.deleted_at IS NULL "
        + "AND p.post_type IN ('QUESTION', 'ANSWER', 'COMPLAINT') "
        + "AND (p.post_type <> 'ANSWER' OR (q.publication = 'PUBLISHED' AND q.deleted_at IS NULL))";

    private List<PublicPost> readPublic(Connection c, String tail, Object... params) {
        record Row(long id, PostType type, Long parentId, String title, String body, Long topicId, Long storeId,
                   boolean official, int score, boolean accepted, String status, Instant createdAt) {
        }
        List<Row> rows = Sql.list(c, PUBLIC_POSTS + tail, rs -> {
            PostType type = PostType.valueOf(rs.getString("post_type"));
            long id = rs.getLong("id");
            Long acceptedOfQuestion = Sql.nullableLong(rs, "question_accepted");
            boolean accepted = type == PostType.ANSWER ? acceptedOfQuestion != null && acceptedOfQuestion == id
                : Sql.nullableLong(rs, "accepted_answer_id") != null;
            return new Row(id, type, Sql.nullableLong(rs, "parent_id"), rs.getString("title"), rs.getString("body"),
                Sql.nullableLong(rs, "topic_id"), Sql.nullableLong(rs, "store_id"), rs.getBoolean("official"),
                rs.getInt("score"), accepted, rs.getString("complaint_status"), Sql.instant(rs, "created_at"));
        }, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        // tags are a question's: an answer shows its question's
        List<Long> tagged = rows.stream().map(r -> r.type() == PostType.ANSWER ? r.parentId() : r.id()).distinct().toList();
        Map<Long, List<String>> tags = new java.util.HashMap<>();
        for (int from = 0; from < tagged.size(); from += 500) {
            List<Long> chunk = tagged.subList(from, Math.min(tagged.size(), from + 500));
            Sql.list(c, "SELECT post_id, tag FROM post_tag WHERE post_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY post_id, tag",
                rs -> Map.entry(rs.getLong(1), rs.getString(2)), chunk.toArray())
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return rows.stream().map(r -> new PublicPost(r.id(), ((Number) params[0]).longValue(), r.type(), r.parentId(),
            r.title(), r.body(), r.topicId(), r.storeId(),
            tags.getOrDefault(r.type() == PostType.ANSWER ? r.parentId() : r.id(), List.of()), r.official(), r.score(),
            r.accepted(), r.status() == null ? null : org.entraide.api.model.ComplaintStatus.valueOf(r.status()),
            r.createdAt())).toList();
    }

    private PostFacts facts(Connection c, PostRow p) {
        return new PostFacts(p.id(), p.brandId(), p.type(), p.parentId(), p.authorId(), p.title(), p.publication(),
            p.topicId(), p.storeId(), posts.tags(c, p.id()), p.createdAt());
    }

    @Override
    public Optional<MemberFacts> member(Connection c, long brandId, long userId) {
        return users.byId(c, userId).filter(a -> a.brandId() == brandId).map(a -> new MemberFacts(a.id(), a.brandId(),
            a.pseudonym(), a.email(), users.roles(c, a.id()), users.managedStores(c, a.id())));
    }

    @Override
    public Optional<MemberFacts> byEmail(Connection c, long brandId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return users.byEmail(c, brandId, TextRules.normalizeEmail(email)).flatMap(a -> member(c, brandId, a.id()));
    }

    @Override
    public Map<Long, MemberFacts> members(Connection c, long brandId, Collection<Long> userIds) {
        Map<Long, MemberFacts> found = new LinkedHashMap<>();
        for (Users.Member m : users.members(c, brandId, userIds)) {
            Users.Account a = m.account();
            found.put(a.id(), new MemberFacts(a.id(), a.brandId(), a.pseudonym(), a.email(), m.roles(), m.managedStores()));
        }
        return found;
    }

    @Override
    public Optional<Instant> registeredAt(Connection c, long brandId, long userId) {
        return users.byId(c, userId).filter(a -> a.brandId() == brandId).map(Users.Account::createdAt);
    }

    @Override
    public List<MemberFacts> storeManagers(Connection c, long brandId, long storeId) {
        if (byId(c, brandId, storeId).isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "SELECT user_id FROM store_manager WHERE store_id = ? ORDER BY user_id", rs -> rs.getLong(1), storeId)
            .stream().map(id -> member(c, brandId, id)).flatMap(Optional::stream).toList();
    }

    @Override
    public List<MemberFacts> withRole(Connection c, long brandId, Role role, int limit) {
        return Sql.list(c, "SELECT r.user_id FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.brand_id = ? "
            + "AND r.role = ? ORDER BY r.user_id LIMIT ?", rs -> rs.getLong(1), brandId, role, Math.max(0, limit))
            .stream().map(id -> member(c, brandId, id)).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<Store> byId(Connection c, long brandId, long storeId) {
        return brands.storeById(c, storeId).filter(s -> s.brandId() == brandId);
    }

    @Override
    public Optional<Store> byCode(Connection c, long brandId, String code) {
        return brands.storeByCode(c, brandId, code);
    }

    @Override
    public List<Store> all(Connection c, long brandId) {
        return brands.stores(c, brandId);
    }

    @Override
    public Optional<Brand> bySlug(Connection c, String slug) {
        return brands.find(c, slug);
    }

    @Override
    public List<Brand> all(Connection c) {
        return Sql.list(c, "SELECT id, slug, name FROM brand ORDER BY id",
            rs -> new Brand(rs.getLong("id"), rs.getString("slug"), rs.getString("name")));
    }

    @Override
    public Optional<Brand> byId(Connection c, long brandId) {
        return brands.find(c, brandId);
    }

    @Override
    public Optional<Topic> topicBySlug(Connection c, long brandId, String slug) {
        return brands.topic(c, brandId, slug);
    }

    @Override
    public Optional<Topic> topicById(Connection c, long brandId, long topicId) {
        return brands.topic(c, brandId, topicId);
    }
}
