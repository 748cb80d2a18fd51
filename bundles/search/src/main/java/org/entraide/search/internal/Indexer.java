package org.entraide.search.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.event.AnswerAccepted;
import org.entraide.api.event.AnswerUnaccepted;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventReader;
import org.entraide.api.event.EventTypes;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Store;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.PublicPost;
import org.entraide.api.platform.Stores;
import org.entraide.api.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index equal to what the database makes public. An event only says which posts to look at again: each is
 * read as it is now through the platform ({@link Posts#publicPost}) and written, or removed when nobody may read it
 * any more. Applying an event twice, or late, therefore changes nothing, and a rebuild running beside the events
 * cannot bring back what an event removed: each post's read and write hold one lock.
 */
final class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    static final Set<String> EVENT_TYPES = Set.of(EventTypes.POST_PUBLISHED, EventTypes.POST_EDITED, EventTypes.POST_DELETED,
        EventTypes.POST_HIDDEN, EventTypes.POST_REJECTED, EventTypes.ANSWER_ACCEPTED, EventTypes.ANSWER_UNACCEPTED,
        EventTypes.VOTE_CAST, EventTypes.VOTE_CHANGED, EventTypes.VOTE_RETRACTED, EventTypes.COMPLAINT_PUBLISHED,
        EventTypes.COMPLAINT_MOVED, EventTypes.COMPLAINT_RESPONDED, EventTypes.COMPLAINT_RESOLVED,
        EventTypes.COMPLAINT_UNRESOLVED, EventTypes.COMPLAINT_REOPENED);
    static final int PAGE = 1000;

    private final Transactions tx;
    private final Posts posts;
    private final Stores stores;
    private final Brands brands;
    private final EventReader reader;
    private final SearchIndex index;
    private final Object lock = new Object();
    /** The knowledge plugin's articles, beside the posts. */
    final ArticleIndexer articles;
    /** Events older than this are already in what a rebuild reads from the database (see {@link #rebuildsFrom}). */
    private volatile Instant appliesFrom = Instant.MIN;
    private volatile boolean stopping;

    Indexer(Transactions tx, Posts posts, Stores stores, Brands brands, EventReader reader, SearchIndex index) {
        this.tx = tx;
        this.posts = posts;
        this.stores = stores;
        this.brands = brands;
        this.reader = reader;
        this.index = index;
        this.articles = new ArticleIndexer(tx, index, lock);
    }

    /**
     * A rebuild starts now: older events are skipped. The node's subscriber starts from the beginning of the stream,
     * so that no event committed while the rebuild reads is missed, even before the subscriber is registered; the
     * margin covers transactions that committed after the time their events carry.
     */
    void rebuildsFrom(Instant now) {
        appliesFrom = now.minus(Duration.ofMinutes(1));
    }

    /** In the dispatcher's transaction: the posts the event concerns are read again and written or removed. */
    void apply(DomainEvent e) {
        if (articles.handles(e) && !e.occurredAt().isBefore(appliesFrom)) {
            articles.apply(e);
            return;
        }
        if (!EVENT_TYPES.contains(e.type()) || !EventTypes.SUBJECT_POST.equals(e.subjectType())
            || e.occurredAt().isBefore(appliesFrom)) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(e.subjectId());
        if (EventTypes.ANSWER_ACCEPTED.equals(e.type())) {
            ids.add(reader.read(e, AnswerAccepted.class).answerId());
        } else if (EventTypes.ANSWER_UNACCEPTED.equals(e.type())) {
            ids.add(reader.read(e, AnswerUnaccepted.class).answerId());
        }
        tx.inTransaction(c -> {
            synchronized (lock) {
                for (long id : ids) {
                    refresh(c, e.brandId(), id, e.type().startsWith("post."));
                }
            }
            return null;
        });
    }

    /** One post as it is now; a question's answers too when its own visibility or title may have changed. */
    private void refresh(Connection c, long brandId, long id, boolean withAnswers) {
        Optional<PublicPost> p = posts.publicPost(c, brandId, id);
        if (p.isPresent()) {
            index.upsert(id, SearchDocuments.of(p.get(), city(c, brandId, p.get().storeId(), null)));
        } else {
            index.delete(id);
        }
        if (withAnswers && posts.post(c, brandId, id).map(PostFacts::type).orElse(null) == PostType.QUESTION) {
            index.deleteChildren(id);
            for (PublicPost a : posts.publicAnswers(c, brandId, id)) {
                index.upsert(a.id(), SearchDocuments.of(a, city(c, brandId, a.storeId(), null)));
            }
        }
    }

    private String city(Connection c, long brandId, Long storeId, Map<Long, String> cache) {
        if (storeId == null) {
            return null;
        }
        if (cache != null) {
            return cache.get(storeId);
        }
        return stores.byId(c, brandId, storeId).map(Store::city).orElse(null);
    }

    /** The node stops: a rebuild stops at its next page, leaving the index incomplete (rebuilt at the next start). */
    void stop() {
        stopping = true;
    }

    /** Every brand again, page by page. @return the documents written */
    long rebuildAll() {
        long n = 0;
        for (Brand b : tx.inTransaction(brands::all)) {
            n += rebuild(b.id());
            if (stopping) {
                throw new IllegalStateException("stopped before the end");
            }
        }
        index.markComplete();
        index.commit();
        index.refresh();
        return n;
    }

    /**
     * One brand again: its documents go, then its public posts are written page by page, each page read and written
     * under the lock the events take. Searches meanwhile see the brand partly indexed.
     */
    long rebuild(long brandId) {
        long started = System.nanoTime();
        index.deleteBrand(brandId);
        Map<Long, String> cities = new HashMap<>();
        tx.inTransaction(c -> {
            stores.all(c, brandId).forEach(s -> cities.put(s.id(), s.city()));
            return null;
        });
        long after = 0;
        long written = 0;
        while (true) {
            long from = after;
            List<PublicPost> page;
            synchronized (lock) {
                page = tx.inTransaction(c -> posts.publicPosts(c, brandId, from, PAGE));
                for (PublicPost p : page) {
                    index.upsert(p.id(), SearchDocuments.of(p, p.storeId() == null ? null : cities.get(p.storeId())));
                }
            }
            written += page.size();
            if (page.size() < PAGE || stopping) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        written += articles.rebuild(brandId);
        index.commit();
        index.refresh();
        LOG.info("Search index of brand {} rebuilt: {} documents in {} ms", brandId, written,
            (System.nanoTime() - started) / 1_000_000);
        return written;
    }
}
