package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.entraide.api.knowledge.Articles;
import org.entraide.api.knowledge.PublishedArticle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The published articles for indexes (search), while the plugin runs. */
@Component(service = Articles.class)
public class KnowledgeArticlesService implements Articles {
    @Reference
    private KnowledgeComponent main;

    @Override
    public List<PublishedArticle> published(Connection connection, long brandId, long afterId, int limit) {
        return main.plugin().published.published(connection, brandId, afterId, limit);
    }

    @Override
    public Optional<PublishedArticle> published(Connection connection, long brandId, long articleId) {
        return main.plugin().published.published(connection, brandId, articleId);
    }
}
