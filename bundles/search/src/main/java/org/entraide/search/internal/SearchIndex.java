package org.entraide.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Lucene index, under {@code <data>/search/index}. Writes are visible to searches within the refresh
 * interval (near real time) and made durable at each commit. The last commit says whether the index may be trusted
 * at the next start: its format version, and "closed" only when the node stopped cleanly with a complete index; an
 * index missing, of another format or not closed cleanly (a crash loses what was written since the last commit,
 * and the events behind it are not delivered again) is rebuilt from the database.
 */
final class SearchIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /** Raised whenever documents or analysis change: an index of another format is rebuilt at start. */
    static final int FORMAT = 1;
    private static final String STATE = "state";
    private static final String FORMAT_KEY = "format";
    static final List<String> FACETS = List.of(SearchDocuments.TYPE, SearchDocuments.TOPIC, SearchDocuments.TAG);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService timer;
    private final boolean needsRebuild;
    private volatile boolean complete;

    SearchIndex(Path folder, Duration refresh, Duration commit) {
        try {
            Files.createDirectories(folder);
            this.directory = FSDirectory.open(folder.resolve("index"));
            String why = trust(directory);
            this.needsRebuild = why != null;
            IndexWriterConfig config = new IndexWriterConfig(Analysis.PER_FIELD)
                .setOpenMode(needsRebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.complete = !needsRebuild;
            // from now on the index is "open": a crash before a clean close makes the next start rebuild it
            writer.setLiveCommitData(Map.of(STATE, "open", FORMAT_KEY, Integer.toString(FORMAT)).entrySet());
            writer.commit();
            this.searchers = new SearcherManager(writer, null);
            if (needsRebuild) {
                LOG.info("Search index at {} will be rebuilt: {}", folder, why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "entraide-search-index");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::commit, commit.toMillis(), commit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Null when the index can be used as it is, or why not. */
    private static String trust(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return "no index";
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        if (!Integer.toString(FORMAT).equals(data.get(FORMAT_KEY))) {
            return "format " + data.get(FORMAT_KEY) + " is not " + FORMAT;
        }
        if (!"closed".equals(data.get(STATE))) {
            return "not closed cleanly";
        }
        return null;
    }

    /** Whether the index found at start had to be rebuilt (it stays incomplete until {@link #markComplete}). */
    boolean needsRebuild() {
        return needsRebuild;
    }

    /** A rebuild finished: a clean close may now say the index is complete. */
    void markComplete() {
        complete = true;
    }

    void upsert(long id, Document doc) {
        try {
            writer.updateDocument(new Term(SearchDocuments.ID, Long.toString(id)), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(long id) {
        deleteWhere(new Term(SearchDocuments.ID, Long.toString(id)));
    }

    /** The answers of a question. */
    void deleteChildren(long parentId) {
        deleteWhere(new Term(SearchDocuments.PARENT, Long.toString(parentId)));
    }

    void deleteBrand(long brandId) {
        deleteWhere(new Term(SearchDocuments.BRAND, Long.toString(brandId)));
    }

    private void deleteWhere(Term term) {
        try {
            writer.deleteDocuments(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every write so far visible to searches now (tests, the end of a rebuild). */
    void refresh() {
        try {
            // blocking: maybeRefresh returns at once while the timer's refresh runs, which may predate these writes
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index refresh failed", e);
        }
    }

    void commit() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index commit failed", e);
        }
    }

    long documents() {
        return writer.getDocStats().numDocs;
    }

    /** What restricts a search: always a brand; null criteria match everything. */
    record Filters(long brandId, String type, Long topicId, String tag, Long storeId, String city, String status,
                   Boolean accepted, Instant from, Instant to) {
        static Filters brand(long brandId) {
            return new Filters(brandId, null, null, null, null, null, null, null, null, null);
        }

        Filters withType(String t) {
            return new Filters(brandId, t, topicId, tag, storeId, city, status, accepted, from, to);
        }
    }

    enum Order { RELEVANCE, DATE, SCORE }

    record Hit(long id, String type, Long parentId, String title, String body, String titleHtml, String excerptHtml,
               Long topicId, List<String> tags, Long storeId, String status, boolean accepted, boolean official, int score,
               Instant createdAt) {
    }

    record Result(List<Hit> hits, long total, Map<String, Map<String, Integer>> facets) {
    }

    /**
     * One page of what matches, best first (or newest, or highest scored), with the facets of all hits when asked and
     * highlighted excerpts.
     */
    Result search(String text, UserQuery.Mode mode, Filters f, Order order, int offset, int size, boolean facets,
                  boolean highlight) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query words = UserQuery.parse(text, mode, t -> docFreq(searcher, t));
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
                filter(b, SearchDocuments.BRAND, Long.toString(f.brandId()));
                filter(b, SearchDocuments.TYPE, f.type());
                filter(b, SearchDocuments.TOPIC, f.topicId() == null ? null : f.topicId().toString());
                filter(b, SearchDocuments.TAG, f.tag());
                filter(b, SearchDocuments.STORE, f.storeId() == null ? null : f.storeId().toString());
                filter(b, SearchDocuments.CITY, f.city() == null ? null : Analysis.normalized(f.city()));
                filter(b, SearchDocuments.STATUS, f.status());
                filter(b, SearchDocuments.ACCEPTED, f.accepted() == null ? null : f.accepted().toString());
                if (f.from() != null || f.to() != null) {
                    b.add(LongPoint.newRangeQuery(SearchDocuments.CREATED,
                        f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli(),
                        f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli()), Occur.FILTER);
                }
                Query query = FunctionScoreQuery.boostByValue(b.build(),
                    DoubleValuesSource.fromFloatField(SearchDocuments.RANK));
                int want = Math.max(1, offset + size);
                TopDocsCollector<?> top = switch (order) {
                    case RELEVANCE -> TopScoreDocCollector.create(want, null, facets ? Integer.MAX_VALUE : 1000);
                    case DATE -> TopFieldCollector.create(new Sort(new SortField(SearchDocuments.CREATED, SortField.Type.LONG,
                        true)), want, facets ? Integer.MAX_VALUE : 1000);
                    case SCORE -> TopFieldCollector.create(new Sort(new SortField(SearchDocuments.SCORE, SortField.Type.LONG,
                        true), new SortField(SearchDocuments.CREATED, SortField.Type.LONG, true)), want,
                        facets ? Integer.MAX_VALUE : 1000);
                };
                FacetCounts counts = facets ? new FacetCounts(FACETS) : null;
                searcher.search(query, counts == null ? top : MultiCollector.wrap(top, counts));
                TopDocs docs = top.topDocs(offset, size);
                Highlights hl = highlight ? new Highlights(words) : null;
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc sd : docs.scoreDocs) {
                    hits.add(hit(searcher.storedFields().document(sd.doc), hl));
                }
                long total = counts != null ? counts.hits() : docs.totalHits.value;
                return new Result(hits, total, counts == null ? Map.of() : counts.top(20));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of a question's answers in the index. */
    List<Long> children(long parentId) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs docs = searcher.search(new TermQuery(new Term(SearchDocuments.PARENT, Long.toString(parentId))), 10_000);
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc sd : docs.scoreDocs) {
                    ids.add(Long.parseLong(searcher.storedFields().document(sd.doc).get(SearchDocuments.ID)));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int docFreq(IndexSearcher searcher, Term t) {
        try {
            return searcher.getIndexReader().docFreq(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static Hit hit(Document d, Highlights hl) {
        String title = d.get(SearchDocuments.TITLE);
        String body = d.get(SearchDocuments.BODY);
        String parent = d.get(SearchDocuments.PARENT);
        String topic = d.get(SearchDocuments.TOPIC);
        String store = d.get(SearchDocuments.STORE);
        return new Hit(Long.parseLong(d.get(SearchDocuments.ID)), d.get(SearchDocuments.TYPE),
            parent == null ? null : Long.parseLong(parent), title, body,
            hl == null ? Highlights.escape(title) : hl.title(title),
            hl == null ? Highlights.escape(Highlights.start(body)) : hl.excerpt(body),
            topic == null ? null : Long.parseLong(topic), Arrays.asList(d.getValues(SearchDocuments.TAG)),
            store == null ? null : Long.parseLong(store), d.get(SearchDocuments.STATUS),
            Boolean.parseBoolean(d.get(SearchDocuments.ACCEPTED)), Boolean.parseBoolean(d.get(SearchDocuments.OFFICIAL)),
            d.getField(SearchDocuments.SCORE).numericValue().intValue(),
            Instant.ofEpochMilli(d.getField(SearchDocuments.CREATED).numericValue().longValue()));
    }

    static Collection<String> facetFields() {
        return FACETS;
    }

    /** Commits and says "closed" when the index is complete, so that the next start uses it as it is. */
    @Override
    public void close() {
        // never interrupt a thread in Lucene's I/O: an interrupted NIO channel closes, the index lock's among them
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            searchers.close();
            writer.setLiveCommitData(Map.of(STATE, complete ? "closed" : "open", FORMAT_KEY, Integer.toString(FORMAT))
                .entrySet());
            writer.commit();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
