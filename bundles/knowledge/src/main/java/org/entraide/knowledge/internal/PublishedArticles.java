package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.entraide.api.knowledge.Articles;
import org.entraide.api.knowledge.PublishedArticle;

/** The published articles, as indexes read them. */
public final class PublishedArticles implements Articles {
    private final ArticleStore articles;

    PublishedArticles(ArticleStore articles) {
        this.articles = articles;
    }

    @Override
    public List<PublishedArticle> published(Connection connection, long brandId, long afterId, int limit) {
        return articles.published(connection, brandId, afterId, limit).stream().map(PublishedArticles::of).toList();
    }

    @Override
    public Optional<PublishedArticle> published(Connection connection, long brandId, long articleId) {
        return articles.find(connection, brandId, articleId).filter(Article::isPublished).map(PublishedArticles::of);
    }

    private static PublishedArticle of(Article a) {
        return new PublishedArticle(a.id(), a.brandId(), a.title(), a.body(), a.topicId(), a.tags(), a.language(),
            a.verifiedAt(), a.updatedAt());
    }
}
