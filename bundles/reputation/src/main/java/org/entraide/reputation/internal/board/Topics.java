package org.entraide.reputation.internal.board;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.Optional;


/**
 * Finds a topic's id from its slug, as URLs name topics, and whether a tag is used in a brand. Events carry topic ids only and the API gives
 * plugins no topic directory, so this reads the core's {@code topic} table: id, brand and slug only.
 */
public final class Topics {
    public Optional<Long> id(Connection c, long brandId, String slug) {
        return Sql.one(c, "SELECT id FROM topic WHERE brand_id = ? AND slug = ?", rs -> rs.getLong(1), brandId, slug);
    }

    /** Whether a published post of the brand carries the tag: a tag exists only through its posts. */
    public boolean hasTag(Connection c, long brandId, String tag) {
        return Sql.one(c, "SELECT 1 FROM reputation_post_tag t JOIN reputation_post p ON p.post_id = t.post_id "
            + "WHERE p.brand_id = ? AND t.tag = ? LIMIT 1", rs -> rs.getInt(1), brandId, tag).isPresent();
    }
}
