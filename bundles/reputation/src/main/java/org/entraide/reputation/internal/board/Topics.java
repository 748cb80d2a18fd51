package org.entraide.reputation.internal.board;

import org.entraide.api.model.Topic;
import org.entraide.api.platform.Brands;
import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.Optional;


/**
 * Finds a topic's id from its slug, as URLs name topics (through the platform's directory: events carry topic ids
 * only), and whether a tag is used in a brand.
 */
public final class Topics {
    private final Brands brands;

    public Topics(Brands brands) {
        this.brands = brands;
    }

    public Optional<Long> id(Connection c, long brandId, String slug) {
        return brands.topicBySlug(c, brandId, slug).map(Topic::id);
    }

    /** Whether a published post of the brand carries the tag: a tag exists only through its posts. */
    public boolean hasTag(Connection c, long brandId, String tag) {
        return Sql.one(c, "SELECT 1 FROM reputation_post_tag t JOIN reputation_post p ON p.post_id = t.post_id "
            + "WHERE p.brand_id = ? AND t.tag = ? LIMIT 1", rs -> rs.getInt(1), brandId, tag).isPresent();
    }
}
