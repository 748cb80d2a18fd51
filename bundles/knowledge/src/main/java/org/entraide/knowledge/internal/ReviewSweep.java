package org.entraide.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.knowledge.ArticleReviewDue;

/**
 * Announces each article that reached its review date, once per article and date, with {@code article.review-due}
 * to its owner (notifications tell them). A Camel timer runs it on every node; the row update decides which node
 * announces.
 */
final class ReviewSweep extends RouteBuilder {
    static final int BATCH = 200;

    private final Platform platform;
    private final ArticleStore articles;
    private final Clock clock;
    private final long periodMillis;

    ReviewSweep(Platform platform, ArticleStore articles, Clock clock, long periodMillis) {
        this.platform = platform;
        this.articles = articles;
        this.clock = clock;
        this.periodMillis = periodMillis;
    }

    @Override
    public void configure() {
        from("timer:knowledge.review-sweep?delay=" + periodMillis + "&period=" + periodMillis).routeId("knowledge.review-sweep")
            .process(e -> sweep());
    }

    /** @return the articles announced now */
    int sweep() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return platform.tx().inTransaction(c -> {
            int n = 0;
            for (Article a : articles.reviewsToAnnounce(c, today, BATCH)) {
                if (articles.reviewAnnounced(c, a.id(), a.reviewOn())) {
                    platform.events().append(c, a.brandId(), null, a.ownerId(),
                        new ArticleReviewDue(a.id(), a.ownerId(), a.title(), a.reviewOn().toString()));
                    n++;
                }
            }
            return n;
        });
    }
}
