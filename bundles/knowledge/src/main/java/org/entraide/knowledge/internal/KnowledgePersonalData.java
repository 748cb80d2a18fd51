package org.entraide.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;

/**
 * What the plugin holds about a member: their helpful votes (with their reasons) and the articles they own or were
 * credited for. Erasure takes their words out of the votes; the articles stay, the brand's, crediting an account that
 * no longer names anybody.
 */
public final class KnowledgePersonalData implements PersonalData {
    private final Transactions tx;
    private final ArticleStore articles;
    private final HelpfulVotes votes;

    KnowledgePersonalData(Transactions tx, ArticleStore articles, HelpfulVotes votes) {
        this.tx = tx;
        this.articles = articles;
        this.votes = votes;
    }

    @Override
    public String name() {
        return "knowledge";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            List<Map<String, Object>> mine = votes.byUser(c, brandId, userId).stream().map(r -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("articleId", r.articleId());
                v.put("helpful", r.helpful());
                if (r.reason() != null) {
                    v.put("reason", r.reason());
                }
                v.put("at", r.at().toString());
                return v;
            }).toList();
            out.put("helpfulVotes", mine);
            out.put("articles", articles.ownedBy(c, brandId, userId));
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            votes.eraseReasons(c, brandId, userId);
            return null;
        });
    }
}
