package org.entraide.incidents.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.jdbc.Sql;

/**
 * Hourly counts of published complaints and questions per scope, kept by the subscriber in the dispatcher's
 * transaction. A post counts once however often it is published again (held, hidden, edited): {@code inc_counted}.
 */
public final class HourlyCounts {
    /** The room for a post's scopes, joined by spaces, in inc_counted. */
    public static final int SCOPES_LENGTH = 300;

    public record Cell(String scope, Instant hour, int posts) {
    }

    /** Counts a post in each of its scopes at its hour; false when it was counted already. */
    public boolean count(Connection c, long brandId, long postId, Instant hour, List<String> scopes) {
        if (Sql.update(c, "INSERT INTO inc_counted (post_id, brand_id, at_hour, scopes) SELECT CAST(? AS BIGINT), "
            + "CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(300)) "
            + "WHERE NOT EXISTS (SELECT 1 FROM inc_counted WHERE post_id = ?)", postId, brandId, hour,
            String.join(" ", scopes), postId) == 0) {
            return false;
        }
        for (String scope : scopes) {
            if (Sql.update(c, "UPDATE inc_hourly SET posts = posts + 1 WHERE brand_id = ? AND scope = ? AND at_hour = ?",
                brandId, scope, hour) == 0) {
                Sql.update(c, "INSERT INTO inc_hourly (brand_id, scope, at_hour, posts) VALUES (?, ?, ?, 1)", brandId, scope, hour);
            }
        }
        return true;
    }

    /** Every cell of a brand in [from, to). */
    public List<Cell> between(Connection c, long brandId, Instant from, Instant to) {
        return Sql.list(c, "SELECT scope, at_hour, posts FROM inc_hourly WHERE brand_id = ? AND at_hour >= ? AND at_hour < ?",
            rs -> new Cell(rs.getString("scope"), Sql.instant(rs, "at_hour"), rs.getInt("posts")), brandId, from, to);
    }

    /** How many of the posts counted in one scope and hour the busiest store among them has. */
    public int busiestStore(Connection c, long brandId, String scope, Instant hour) {
        java.util.Map<String, Integer> byStore = new java.util.HashMap<>();
        Sql.list(c, "SELECT scopes FROM inc_counted WHERE brand_id = ? AND at_hour = ?", rs -> rs.getString(1), brandId, hour)
            .stream().map(s -> List.of(s.split(" "))).filter(s -> s.contains(scope))
            .forEach(s -> s.stream().filter(x -> x.startsWith("store:")).forEach(x -> byStore.merge(x, 1, Integer::sum)));
        return byStore.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The posts counted in one scope and hour, for a proposal's grouped items. */
    public List<Long> posts(Connection c, long brandId, String scope, Instant hour) {
        return Sql.list(c, "SELECT post_id, scopes FROM inc_counted WHERE brand_id = ? AND at_hour = ? ORDER BY post_id",
            rs -> List.of(rs.getString("scopes").split(" ")).contains(scope) ? rs.getLong("post_id") : null, brandId, hour)
            .stream().filter(java.util.Objects::nonNull).toList();
    }
}
