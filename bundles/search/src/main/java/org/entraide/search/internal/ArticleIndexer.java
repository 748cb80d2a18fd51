package org.entraide.search.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.knowledge.Articles;
import org.entraide.api.knowledge.KnowledgeEvents;
import org.entraide.api.knowledge.PublishedArticle;
import org.entraide.api.storage.Transactions;

/**
 * The knowledge plugin's published articles in the index, type {@code article}, read through {@link Articles} while
 * that plugin runs. An event says which article to read again; the article is written as it is now, or removed. An
 * article is keyed by its negated id, so that it never replaces a post of the same number in the one id field.
 * Articles rank far above community posts: the brand's verified word comes first when it matches.
 */
final class ArticleIndexer {
    static final String TYPE = "article";
    static final Set<String> EVENT_TYPES = Set.of(KnowledgeEvents.ARTICLE_PUBLISHED, KnowledgeEvents.ARTICLE_WITHDRAWN);
    /** Above an accepted, official, well-voted answer (at most about 2.9, see SearchDocuments#rank). */
    static final float RANK = 4f;
    static final int PAGE = 500;

    private final Transactions tx;
    private final SearchIndex index;
    private final Object lock;
    private volatile Articles articles;

    ArticleIndexer(Transactions tx, SearchIndex index, Object lock) {
        this.tx = tx;
        this.index = index;
        this.lock = lock;
    }

    /** The post types the node subscribes to, and the articles'. */
    static Set<String> withArticles(Set<String> types) {
        Set<String> all = new HashSet<>(types);
        all.addAll(EVENT_TYPES);
        return Set.copyOf(all);
    }

    /** The knowledge plugin came (or went: null). */
    void use(Articles a) {
        articles = a;
    }

    boolean handles(DomainEvent e) {
        return EVENT_TYPES.contains(e.type());
    }

    /** In the dispatcher's transaction. Without the knowledge plugin there is nothing to read: its arrival rebuilds. */
    void apply(DomainEvent e) {
        Articles a = articles;
        if (a == null) {
            return;
        }
        tx.inTransaction(c -> {
            synchronized (lock) {
                Optional<PublishedArticle> p = a.published(c, e.brandId(), e.subjectId());
                if (p.isPresent()) {
                    index.upsert(key(e.subjectId()), document(p.get()));
                } else {
                    index.delete(key(e.subjectId()));
                }
            }
            return null;
        });
    }

    /** The brand's published articles again, page by page (its documents were deleted before). @return written */
    long rebuild(long brandId) {
        Articles a = articles;
        if (a == null) {
            return 0;
        }
        long after = 0;
        long written = 0;
        while (true) {
            long from = after;
            List<PublishedArticle> page;
            synchronized (lock) {
                page = tx.inTransaction(c -> a.published(c, brandId, from, PAGE));
                for (PublishedArticle p : page) {
                    index.upsert(key(p.id()), document(p));
                }
            }
            written += page.size();
            if (page.size() < PAGE) {
                return written;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    static long key(long articleId) {
        return -articleId;
    }

    /** The article's own id of a hit of type article. */
    static long articleId(SearchIndex.Hit h) {
        return -h.id();
    }

    static Document document(PublishedArticle a) {
        Document d = new Document();
        d.add(new StringField(SearchDocuments.ID, Long.toString(key(a.id())), Field.Store.YES));
        d.add(new StringField(SearchDocuments.BRAND, Long.toString(a.brandId()), Field.Store.NO));
        SearchDocuments.keyword(d, SearchDocuments.TYPE, TYPE);
        if (a.topicId() != null) {
            SearchDocuments.keyword(d, SearchDocuments.TOPIC, Long.toString(a.topicId()));
        }
        for (String tag : a.tags()) {
            SearchDocuments.keyword(d, SearchDocuments.TAG, tag);
        }
        d.add(new StringField(SearchDocuments.ACCEPTED, "false", Field.Store.YES));
        // the brand's own word, as an official answer is
        d.add(new StringField(SearchDocuments.OFFICIAL, "true", Field.Store.YES));
        long at = a.updatedAt().toEpochMilli();
        d.add(new LongPoint(SearchDocuments.CREATED, at));
        d.add(new NumericDocValuesField(SearchDocuments.CREATED, at));
        d.add(new StoredField(SearchDocuments.CREATED, at));
        d.add(new NumericDocValuesField(SearchDocuments.SCORE, 0));
        d.add(new StoredField(SearchDocuments.SCORE, 0));
        d.add(new FloatDocValuesField(SearchDocuments.RANK, RANK));
        d.add(new StoredField(SearchDocuments.TITLE, a.title()));
        d.add(new StoredField(SearchDocuments.BODY, a.body()));
        d.add(new TextField(Analysis.TITLE_FR, a.title(), Field.Store.NO));
        d.add(new TextField(Analysis.TITLE_EN, a.title(), Field.Store.NO));
        d.add(new TextField(Analysis.BODY_FR, a.body(), Field.Store.NO));
        d.add(new TextField(Analysis.BODY_EN, a.body(), Field.Store.NO));
        d.add(new TextField(Analysis.PLAIN, a.title() + "\n" + a.body(), Field.Store.NO));
        return d;
    }
}
