package org.entraide.api.knowledge;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A brand's published articles, for indexes (search). The knowledge plugin provides it while it runs; the caller's
 * thread and transaction; reads only; scoped by brand.
 */
@ProviderType
public interface Articles {
    /** The published articles of that brand with an id above {@code afterId}, by id, at most {@code limit}. */
    List<PublishedArticle> published(Connection connection, long brandId, long afterId, int limit);

    /** That article if it is published; empty for a draft, a deleted one, an unknown id or another brand's. */
    Optional<PublishedArticle> published(Connection connection, long brandId, long articleId);
}
