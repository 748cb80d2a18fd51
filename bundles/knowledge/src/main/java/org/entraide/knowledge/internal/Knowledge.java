package org.entraide.knowledge.internal;

import java.time.Clock;
import java.util.List;

import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.web.ApiEndpoints;

/** The knowledge plugin's object graph, built from the core's services: in Karaf and in tests alike. */
public final class Knowledge {
    /** What the brand gets until it sets its own, and how often reviews are swept. */
    public record Settings(int promotionPoints, int reviewDays, long reviewSweepMillis) {
    }

    public final KnowledgeCapability capability = new KnowledgeCapability();
    public final PublishedArticles published;
    public final KnowledgePersonalData personalData;
    final ReviewSweep reviews;
    final KnowledgeApiRoutes api;

    private Knowledge(Platform platform, ApiEndpoints endpoints, Settings settings, Clock clock) {
        ArticleStore articles = new ArticleStore();
        HelpfulVotes votes = new HelpfulVotes();
        Deflections deflections = new Deflections();
        BrandSettings brandSettings = new BrandSettings(new BrandSettings.Values(settings.promotionPoints(),
            settings.reviewDays()));
        Writing writing = new Writing(platform, articles, brandSettings, clock);
        ArticleViews views = new ArticleViews(platform, votes);
        ArticleApi articleApi = new ArticleApi(platform, articles, views, writing);
        Promotions promotions = new Promotions(platform, articles, brandSettings, writing);
        this.api = new KnowledgeApiRoutes(endpoints, articleApi, new HistoryApi(platform, articles, articleApi),
            new ReaderApi(platform, articleApi, votes, deflections, writing),
            new StaffApi(platform, articles, views, promotions, brandSettings, deflections, writing));
        this.reviews = new ReviewSweep(platform, articles, clock, Math.max(1000, settings.reviewSweepMillis()));
        this.published = new PublishedArticles(articles);
        this.personalData = new KnowledgePersonalData(platform.tx(), articles, votes);
    }

    /** Migrates the plugin's tables, then builds it. */
    public static Knowledge start(Platform platform, SchemaMigrator migrator, ApiEndpoints endpoints, Settings settings,
                                  Clock clock) {
        migrator.migrate("knowledge", Knowledge.class.getClassLoader(), "db/knowledge");
        return new Knowledge(platform, endpoints, settings, clock);
    }

    /** The services as Karaf registers them (one per SPI role), for tests that install the plugin in a test server. */
    public List<Object> services() {
        return List.of(api, reviews, capability, published, personalData);
    }

    /** Announces the articles due for review now (the timer does it every period). */
    public int sweepReviews() {
        return reviews.sweep();
    }
}
