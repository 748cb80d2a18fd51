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
