package org.entraide.incidents.internal.detect;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** The rises the detection found, once per brand, scope and hour, and what staff made of them. */
public final class Proposals {
    public record Proposal(long id, long brandId, String scope, Instant hour, int posts, double mean, double deviation,
                           String status, Long incidentId, Instant detectedAt) {
    }

    private static final String COLUMNS = "id, brand_id, scope, at_hour, posts, mean, deviation, status, incident_id, detected_at";

    /** The new proposal's id, or empty when this scope and hour had one already. */
    public Optional<Long> insert(Connection c, long brandId, String scope, Instant hour, int posts, Baseline b, Instant now) {
        if (Sql.count(c, "SELECT COUNT(*) FROM inc_proposal WHERE brand_id = ? AND scope = ? AND at_hour = ?", brandId, scope,
            hour) > 0) {
            return Optional.empty();
        }
        return Optional.of(Sql.insert(c, "INSERT INTO inc_proposal (brand_id, scope, at_hour, posts, mean, deviation, status, "
            + "detected_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)", brandId, scope, hour, posts, b.mean(), b.deviation(), now));
    }

    /** The scopes starting with {@code prefix} proposed for a brand and hour. */
    public List<String> scopesAt(Connection c, long brandId, Instant hour, String prefix) {
        return Sql.list(c, "SELECT scope FROM inc_proposal WHERE brand_id = ? AND at_hour = ? AND scope LIKE ? ORDER BY id",
            rs -> rs.getString(1), brandId, hour, prefix + "%");
    }

    public Optional<Proposal> lock(Connection c, long brandId, long id) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM inc_proposal WHERE brand_id = ? AND id = ? FOR UPDATE", Proposals::row,
            brandId, id);
    }

    public void accept(Connection c, long id, long incidentId) {
        Sql.update(c, "UPDATE inc_proposal SET status = 'ACCEPTED', incident_id = ? WHERE id = ?", incidentId, id);
    }

    public List<Proposal> page(Connection c, long brandId, long offset, int size) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM inc_proposal WHERE brand_id = ? ORDER BY id DESC OFFSET ? ROWS "
            + "FETCH NEXT ? ROWS ONLY", Proposals::row, brandId, offset, size);
    }

    public long count(Connection c, long brandId) {
        return Sql.count(c, "SELECT COUNT(*) FROM inc_proposal WHERE brand_id = ?", brandId);
    }

    private static Proposal row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("scope"), Sql.instant(rs, "at_hour"),
            rs.getInt("posts"), rs.getDouble("mean"), rs.getDouble("deviation"), rs.getString("status"),
            Sql.nullableLong(rs, "incident_id"), Sql.instant(rs, "detected_at"));
    }
}
