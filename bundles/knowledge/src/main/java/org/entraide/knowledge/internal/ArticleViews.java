package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.api.model.Store;
import org.entraide.api.platform.MemberFacts;

/**
 * Articles as JSON: names for the ids (topic slug, store codes, owner's and contributor's pseudonyms), read once for
 * a whole page. The Markdown source, the owner and the review date are for writers; readers get the rendered HTML,
 * the brand's stamp and the credited contributor.
 */
final class ArticleViews {
    private final Platform platform;
    private final HelpfulVotes votes;

    ArticleViews(Platform platform, HelpfulVotes votes) {
        this.platform = platform;
        this.votes = votes;
    }

    List<Map<String, Object>> page(Connection c, long brandId, List<Article> articles, boolean writer) {
        Set<Long> people = new HashSet<>();
        for (Article a : articles) {
            people.add(a.ownerId());
            if (a.contributorId() != null) {
                people.add(a.contributorId());
            }
        }
        Map<Long, MemberFacts> members = platform.members().members(c, brandId, people);
        Map<Long, String> stores = new HashMap<>();
        if (articles.stream().anyMatch(a -> !a.storeIds().isEmpty())) {
            for (Store s : platform.stores().all(c, brandId)) {
                stores.put(s.id(), s.code());
            }
        }
        Map<Long, String> topics = new HashMap<>();
        return articles.stream().map(a -> one(c, a, writer, members, stores, topics)).toList();
    }

    Map<String, Object> full(Connection c, Article a, boolean writer, Long readerId) {
        Map<String, Object> v = page(c, a.brandId(), List.of(a), writer).get(0);
        HelpfulVotes.Tally t = votes.tally(c, a.id());
        Map<String, Object> helpful = new LinkedHashMap<>();
        helpful.put("helpful", t.helpful());
        helpful.put("notHelpful", t.notHelpful());
        if (readerId != null) {
            Boolean mine = votes.mine(c, a.id(), readerId);
            if (mine != null) {
                helpful.put("mine", mine);
            }
        }
        v.put("votes", helpful);
        return v;
    }

    private Map<String, Object> one(Connection c, Article a, boolean writer, Map<Long, MemberFacts> members,
                                    Map<Long, String> stores, Map<Long, String> topics) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("title", a.title());
        v.put("bodyHtml", a.bodyHtml());
        if (writer) {
            v.put("body", a.body());
        }
        if (a.topicId() != null) {
            String slug = topics.computeIfAbsent(a.topicId(), id -> platform.brands().topicById(c, a.brandId(), id)
                .map(t -> t.slug()).orElse(""));
            if (!slug.isEmpty()) {
                v.put("topic", slug);
            }
        }
        v.put("tags", a.tags());
        v.put("language", a.language());
        v.put("stores", a.storeIds().stream().map(stores::get).filter(s -> s != null).toList());
        v.put("regions", a.regions());
        v.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        v.put("version", a.version());
        if (a.verifiedAt() != null) {
            v.put("verifiedAt", a.verifiedAt().toString());
        }
        if (a.contributorId() != null && members.containsKey(a.contributorId())) {
            v.put("contributor", person(members.get(a.contributorId())));
        }
        if (a.sourceThreadId() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("postId", a.sourcePostId());
            source.put("threadId", a.sourceThreadId());
            v.put("source", source);
        }
        if (writer) {
            if (members.containsKey(a.ownerId())) {
                v.put("owner", person(members.get(a.ownerId())));
            }
            v.put("reviewOn", a.reviewOn().toString());
        }
        v.put("createdAt", a.createdAt().toString());
        v.put("updatedAt", a.updatedAt().toString());
        return v;
    }

    private static Map<String, Object> person(MemberFacts m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.id());
        p.put("pseudonym", m.pseudonym());
        return p;
    }
}
