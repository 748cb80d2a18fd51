package org.entraide.api.platform;

import java.sql.Connection;
import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Topic;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads brands and their topics, for plugins that get a brand's slug from outside a request (a shell command, a
 * file). The core provides it; the caller's thread and transaction; reads only.
 */
@ProviderType
public interface Brands {
    Optional<Brand> bySlug(Connection connection, String slug);

    /**
     * The brand of an id an event or a row carries (e-mails and other messages sent outside a request link to the
     * brand's pages by its slug); empty for an unknown id.
     */
    Optional<Brand> byId(Connection connection, long brandId);

    /** Empty for an unknown slug in this brand. */
    Optional<Topic> topicBySlug(Connection connection, long brandId, String slug);

    /** Empty for an unknown id or another brand's topic. */
    Optional<Topic> topicById(Connection connection, long brandId, long topicId);

    /** Every brand, by id (a plugin's work over all brands, such as rebuilding an index). @since 1.4 */
    java.util.List<Brand> all(Connection connection);
}
