package org.entraide.reputation.internal.board;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.util.Optional;


/**
 * Finds a topic's id from its slug, as URLs name topics. Events carry topic ids only and the API gives
 * plugins no topic directory, so this reads the core's {@code topic} table: id, brand and slug only.
 */
public final class Topics {
    public Optional<Long> id(Connection c, long brandId, String slug) {
        return Sql.one(c, "SELECT id FROM topic WHERE brand_id = ? AND slug = ?", rs -> rs.getLong(1), brandId, slug);
    }
}
