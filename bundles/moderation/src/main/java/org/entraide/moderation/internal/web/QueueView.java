package org.entraide.moderation.internal.web;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.PostText;
import org.entraide.moderation.internal.Platform;
import org.entraide.moderation.internal.AuthorReputation;
import org.entraide.moderation.internal.MessageReviews;
import org.entraide.moderation.internal.store.ReviewQueue;
import org.entraide.moderation.internal.store.RuleSets;
import org.entraide.jdbc.Sql;

/**
 * The review queue as moderators read it: each item with its post's type, title and text (an answer's or a
 * response's with the question or complaint it belongs to), its author's pseudonym and reputation, why it is
 * there (the rules that held it, members' flags or a store manager's request) and a link to its page. The author
 * of a complaint filed without their pseudonym is not named: moderators do not learn who filed a complaint.
 */
public final class QueueView {
    private static final TypeReference<List<Map<String, String>>> RULES = new TypeReference<>() {
    };

    private final ReviewQueue queue;
    private final Platform platform;
    private final AuthorReputation reputation;

    public QueueView(ReviewQueue queue, Platform platform, AuthorReputation reputation) {
        this.queue = queue;
        this.platform = platform;
        this.reputation = reputation;
    }

    public List<Map<String, Object>> list(Connection c, Brand brand, String status, String source, int limit, long offset) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReviewQueue.Item item : queue.list(c, brand.id(), status, source, limit, offset)) {
            out.add(entry(c, brand, item));
        }
        return out;
    }

    public long count(Connection c, Brand brand, String status, String source) {
        return queue.count(c, brand.id(), status, source);
    }

    private Map<String, Object> entry(Connection c, Brand brand, ReviewQueue.Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("postId", item.postId());
        m.put("source", item.source());
        m.put("status", item.status());
        m.put("detail", item.detail());
        m.put("claimedBy", item.claimedBy());
        m.put("decidedBy", item.decidedBy());
        m.put("decision", item.decision());
        m.put("reasonCode", item.reasonCode());
        m.put("createdAt", item.createdAt());
        m.put("decidedAt", item.decidedAt());
        if (item.source().equals(MessageReviews.SOURCE)) {
            m.put("postId", null); // a private message's id is not a post's: told as messageId
            MessageReviews.describe(c, item.id()).ifPresent(m::putAll);
            return m;
        }
        String held = Sql.one(c, "SELECT rules FROM moderation_item WHERE id = ?", rs -> java.util.Optional.ofNullable(rs.getString(1)),
            item.id()).flatMap(r -> r).orElse(null); // null for an item not held by rules
        PostFacts post = platform.posts().post(c, brand.id(), item.postId()).orElse(null);
        PostText text = platform.posts().text(c, brand.id(), item.postId()).orElse(null);
        if (post == null || text == null) {
            return m; // the core no longer has the post: the item alone is shown
        }
        Long parent = post.parentId();
        m.put("type", post.type().name());
        m.put("title", text.title());
        m.put("text", text.body());
        m.put("parentId", parent);
        m.put("parentTitle", parent == null ? null
            : platform.posts().post(c, brand.id(), parent).map(PostFacts::title).orElse(null));
        m.put("link", link(brand, post.type().name(), item.postId(), parent));
        boolean anonymous = post.type() == PostType.COMPLAINT && !text.authorShown();
        m.put("author", anonymous ? Map.of("anonymous", true) : author(brand, post.authorId(),
            platform.members().member(c, brand.id(), post.authorId()).map(MemberFacts::pseudonym).orElse(null)));
        m.put("rules", rules(item, held));
        return m;
    }

    private Map<String, Object> author(Brand brand, long userId, String pseudonym) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", userId);
        a.put("pseudonym", pseudonym);
        a.put("reputation", reputation.of(brand.id(), userId));
        return a;
    }

    /** Why the item is queued: the rules that held the post, or its flags, or the manager's request. */
    private static List<Map<String, String>> rules(ReviewQueue.Item item, String held) {
        if (held != null) {
            try {
                return RuleSets.JSON.readValue(held, RULES);
            } catch (IOException e) {
                throw new IllegalStateException("stored rules do not parse", e);
            }
        }
        String detail = item.detail() == null ? "" : item.detail();
        return switch (item.source()) {
            case "FLAG" -> List.of(Map.of("rule", "members-flags", "en", "Hidden by members' flags (" + detail + ")",
                "fr", "Masqué par les signalements des membres (" + detail.replace("weight", "poids") + ")"));
            case "REQUEST" -> List.of(Map.of("rule", "manager-request", "en", "Store manager's request: " + detail,
                "fr", "Demande du responsable du magasin : " + detail));
            default -> List.of();
        };
    }

    /** The page of the post: an answer on its question, a store's response on its complaint. */
    static String link(Brand brand, String type, long postId, Long parent) {
        String base = "/b/" + brand.slug();
        return switch (type) {
            case "ANSWER" -> base + "/questions/" + parent + "#answer-" + postId;
            case "RESPONSE" -> base + "/complaints/" + parent + "#response-" + postId;
            case "COMPLAINT" -> base + "/complaints/" + postId;
            default -> base + "/questions/" + postId;
        };
    }
}
