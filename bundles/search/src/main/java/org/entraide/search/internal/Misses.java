package org.entraide.search.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Searches that found nothing, counted per brand and normalized query: what the community is missing. */
final class Misses {
    private static final Logger LOG = LoggerFactory.getLogger(Misses.class);
    private final Transactions tx;

    Misses(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Counts one miss. Two requests may insert the same new row at once: the loser's insert fails, in its own
     * transaction, and it counts with an update instead. Losing a count is better than failing a search.
     */
    void count(long brandId, String query, Instant now) {
        String q = Analysis.normalized(query);
        if (q.isEmpty()) {
            return;
        }
        try {
            tx.inTransaction(c -> increment(c, brandId, q, now) > 0 ? null : Sql.update(c,
                "INSERT INTO search_miss (brand_id, query_text, misses, first_at, last_at) SELECT ?, ?, 1, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM search_miss WHERE brand_id = ? AND query_text = ?)",
                brandId, q, now, now, brandId, q));
        } catch (Sql.Failure e) {
            if (!e.isUniqueViolation()) {
                LOG.warn("A search miss was not counted", e);
                return;
            }
            tx.inTransaction(c -> increment(c, brandId, q, now));
        }
    }

    private static int increment(Connection c, long brandId, String q, Instant now) {
        return Sql.update(c, "UPDATE search_miss SET misses = misses + 1, last_at = ? WHERE brand_id = ? AND query_text = ?",
            now, brandId, q);
    }

    List<Map<String, Object>> top(Connection c, long brandId, int limit, long offset) {
        return Sql.list(c, "SELECT query_text, misses, first_at, last_at FROM search_miss WHERE brand_id = ? "
                + "ORDER BY misses DESC, last_at DESC, query_text LIMIT ? OFFSET ?",
            rs -> Map.<String, Object>of("query", rs.getString("query_text"), "count", rs.getLong("misses"),
                "firstAt", Sql.instant(rs, "first_at").toString(), "lastAt", Sql.instant(rs, "last_at").toString()),
            brandId, limit, offset);
    }

    long distinct(Connection c, long brandId) {
        return Sql.count(c, "SELECT COUNT(*) FROM search_miss WHERE brand_id = ?", brandId);
    }
}
