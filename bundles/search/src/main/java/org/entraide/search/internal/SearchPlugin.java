package org.entraide.search.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventReader;
import org.entraide.api.knowledge.Articles;
import org.entraide.api.model.Brand;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search plugin: this node's index, its event subscriber (one per node, named after the node, so that every node
 * of a cluster keeps a complete index of its own), the rebuild when the index is missing, of an older format or was
 * not closed cleanly, and the REST endpoints. It indexes every brand, whether or not the brand enabled search, so that
 * a brand that turns it on finds its whole history at once; the endpoints answer only brands that enabled it.
 */
@Component(name = "org.entraide.search", service = {EventSubscriber.class, RoutesBuilder.class, SearchPlugin.class, PersonalData.class})
@Designate(ocd = SearchConfig.class)
public class SearchPlugin extends RouteBuilder implements EventSubscriber, PersonalData {
    private static final Logger LOG = LoggerFactory.getLogger(SearchPlugin.class);
    private static final String CAP = SearchCapability.NAME;
    private static final String BASE = "/brands/{brand}/search";

    private final Transactions tx;
    private final Brands brands;
    private final ApiEndpoints endpoints;
    private final String node;
    final SearchIndex index;
    final Indexer indexer;
    private final SearchApi api;
    private final Proposals proposals = new Proposals();
    private final ProposalApi proposalApi;
    private final Thread rebuilding;

    @Activate
    public SearchPlugin(@Reference Transactions tx, @Reference SchemaMigrator migrator, @Reference ApiEndpoints endpoints,
                        @Reference Posts posts, @Reference Stores stores, @Reference Brands brands,
                        @Reference EventReader reader, SearchConfig config) {
        this(tx, migrator, endpoints, posts, stores, brands, reader, folder(config.folder()),
            Duration.ofMillis(Math.max(10, config.refresh_millis())), Duration.ofMillis(Math.max(100, config.commit_millis())),
            Clock.systemUTC());
    }

    public SearchPlugin(Transactions tx, SchemaMigrator migrator, ApiEndpoints endpoints, Posts posts, Stores stores,
                        Brands brands, EventReader reader, Path folder, Duration refresh, Duration commit, Clock clock) {
        this.tx = tx;
        this.brands = brands;
        this.endpoints = endpoints;
        migrator.migrate("search", SearchPlugin.class.getClassLoader(), "db/search");
        this.node = NodeId.of(folder);
        this.index = new SearchIndex(folder, refresh, commit);
        this.indexer = new Indexer(tx, posts, stores, brands, reader, index);
        this.api = new SearchApi(tx, brands, stores, index, new Misses(tx), clock);
        this.proposalApi = new ProposalApi(tx, api, proposals, clock);
        if (index.needsRebuild()) {
            indexer.rebuildsFrom(clock.instant());
            // in the background, so that the platform starts; events meanwhile are applied beside it
            this.rebuilding = new Thread(() -> {
                try {
                    long n = indexer.rebuildAll();
                    LOG.info("Search index rebuilt: {} documents", n);
                } catch (RuntimeException e) {
                    LOG.error("Search index rebuild failed; it is tried again at the next start", e);
                }
            }, "entraide-search-rebuild");
            rebuilding.setDaemon(true);
            rebuilding.start();
        } else {
            this.rebuilding = null;
        }
    }

    static Path folder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("karaf.data");
        return data != null ? Path.of(data, "search") : Path.of(System.getProperty("java.io.tmpdir"), "entraide-search");
    }

    /** The services as Karaf registers them, for tests that install the plugin in a test server. */
    public List<Object> services(SearchCapability capability) {
        return List.of(this, capability);
    }

    /** Waits for the rebuild started at activation, if any (tests, the shell command). */
    public void awaitRebuild() throws InterruptedException {
        if (rebuilding != null) {
            rebuilding.join();
        }
    }

    public String node() {
        return node;
    }

    @Override
    public SubscriberDescriptor descriptor() {
        // every brand (no capability): a brand enabling search later finds its whole history. From the beginning: a
        // new node reads the stream through, skipping what its rebuild reads from the database (Indexer#rebuildsFrom)
        return new SubscriberDescriptor("search.node-" + node, null, "direct:search.events." + node, StartFrom.BEGINNING,
            ArticleIndexer.withArticles(Indexer.EVENT_TYPES), 10);
    }

    @Override
    public void configure() {
        // failures reach the dispatcher, which retries them; Camel need not log them too
        errorHandler(noErrorHandler());
        from("direct:search.events." + node).routeId("search.events")
            .process(e -> indexer.apply(e.getIn().getBody(DomainEvent.class)));
        rest(ApiEndpoints.BASE)
            .get(BASE).to("direct:search.search")
            .get(BASE + "/similar").to("direct:search.similar")
            .get(BASE + "/misses").to("direct:search.misses")
            .post(BASE + "/proposals").type(ProposalApi.Shown.class).to("direct:search.proposals")
            .post(BASE + "/proposals/{token}/outcome").type(ProposalApi.Outcome.class).to("direct:search.proposal-outcome")
            .get(BASE + "/proposals/figures").to("direct:search.proposal-figures");
        from("direct:search.search").routeId("search.search")
            .process(endpoints.processor(CAP, api::search, SearchApi.SEARCH_PARAMS, "brand"));
        from("direct:search.similar").routeId("search.similar")
            .process(endpoints.processor(CAP, api::similar, SearchApi.SIMILAR_PARAMS, "brand"));
        from("direct:search.misses").routeId("search.misses")
            .process(endpoints.processor(CAP, api::misses, org.entraide.api.web.Paging.PARAMS, "brand"));
        from("direct:search.proposals").routeId("search.proposals")
            .process(endpoints.processor(CAP, proposalApi::shown, Set.of(), "brand"));
        from("direct:search.proposal-outcome").routeId("search.proposal-outcome")
            .process(endpoints.processor(CAP, proposalApi::outcome, Set.of(), "brand", "token"));
        from("direct:search.proposal-figures").routeId("search.proposal-figures")
            .process(endpoints.processor(CAP, proposalApi::figures, ProposalApi.FIGURE_PARAMS, "brand"));
    }

    /**
     * The knowledge plugin's articles, when it runs: each brand's are indexed again at its arrival, since the events
     * of articles written before it were skipped.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void useArticles(Articles articles) {
        indexer.articles.use(articles);
        for (Brand b : tx.inTransaction(brands::all)) {
            indexer.articles.rebuild(b.id());
        }
        index.refresh();
    }

    void unuseArticles(Articles articles) {
        indexer.articles.use(null);
    }

    /** A brand's index again from the database (the shell command). @return the documents written */
    public long rebuild(long brandId) {
        return indexer.rebuild(brandId);
    }

    public long rebuildAll() {
        return indexer.rebuildAll();
    }

    @Override
    public String name() {
        return "search";
    }

    /** The similar posts proposed to the member when they asked, and what they did next. */
    @Override
    public java.util.Map<String, Object> export(long brandId, long userId) {
        var rows = tx.inTransaction(c -> proposals.export(c, brandId, userId));
        return rows.isEmpty() ? java.util.Map.of() : java.util.Map.of("proposals", rows);
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            proposals.erase(c, brandId, userId);
            return null;
        });
    }

    public Transactions tx() {
        return tx;
    }

    @Deactivate
    public void close() {
        // a rebuild stops at its next page (never interrupted: see SearchIndex#close)
        indexer.stop();
        if (rebuilding != null) {
            try {
                rebuilding.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        index.close();
    }
}
