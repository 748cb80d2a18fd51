package org.entraide.incidents.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** The incidents' rows: the incident, its stores and regions. */
public final class IncidentStore {
    private static final String COLUMNS = "id, brand_id, title, theme, starts_at, ends_at, status, proposal_id, statement_answers, declared_by, "
        + "declared_at, closed_at";

    public long insert(Connection c, long brandId, Description d, Long proposalId, long by, Instant now) {
        long id = Sql.insert(c, "INSERT INTO inc_incident (brand_id, title, theme, starts_at, ends_at, status, proposal_id, "
            + "statement_answers, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)", brandId, d.title(),
            String.join("\n", d.theme()), d.startsAt(), d.endsAt(), proposalId, d.statementAnswers(), by, now);
        writeScope(c, id, d);
        return id;
    }

    public void update(Connection c, long id, Description d) {
        Sql.update(c, "UPDATE inc_incident SET title = ?, theme = ?, starts_at = ?, ends_at = ?, statement_answers = ? "
            + "WHERE id = ?", d.title(), String.join("\n", d.theme()), d.startsAt(), d.endsAt(), d.statementAnswers(), id);
        Sql.update(c, "DELETE FROM inc_incident_store WHERE incident_id = ?", id);
        Sql.update(c, "DELETE FROM inc_incident_region WHERE incident_id = ?", id);
        writeScope(c, id, d);
    }

    /** Closes an open incident; false when it was closed already (a concurrent closing). */
    public boolean close(Connection c, long id, Instant now) {
        return Sql.update(c, "UPDATE inc_incident SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'", now, id) == 1;
    }

    /** The incident, locked for the caller's transaction so that writes on one incident go one at a time. */
    public Optional<Incident> lock(Connection c, long brandId, long id) {
        return one(c, "SELECT " + COLUMNS + " FROM inc_incident WHERE brand_id = ? AND id = ? FOR UPDATE", brandId, id);
    }

    public Optional<Incident> find(Connection c, long brandId, long id) {
        return one(c, "SELECT " + COLUMNS + " FROM inc_incident WHERE brand_id = ? AND id = ?", brandId, id);
    }

    public List<Incident> page(Connection c, long brandId, String status, long offset, int size) {
        List<Long> ids = Sql.list(c, "SELECT id FROM inc_incident WHERE brand_id = ? AND (? = 'ALL' OR status = ?) "
            + "ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> rs.getLong(1), brandId, status, status, offset, size);
        List<Incident> out = new ArrayList<>();
        for (long id : ids) {
            find(c, brandId, id).ifPresent(out::add);
        }
        return out;
    }

    public long count(Connection c, long brandId, String status) {
        return Sql.count(c, "SELECT COUNT(*) FROM inc_incident WHERE brand_id = ? AND (? = 'ALL' OR status = ?)", brandId, status,
            status);
    }

    /** The brand's open incidents, for matching new posts. */
    public List<Incident> open(Connection c, long brandId) {
        List<Long> ids = Sql.list(c, "SELECT id FROM inc_incident WHERE brand_id = ? AND status = 'OPEN' ORDER BY id",
            rs -> rs.getLong(1), brandId);
        List<Incident> out = new ArrayList<>();
        for (long id : ids) {
            find(c, brandId, id).ifPresent(out::add);
        }
        return out;
    }

    private void writeScope(Connection c, long id, Description d) {
        for (long store : d.storeIds()) {
            Sql.update(c, "INSERT INTO inc_incident_store (incident_id, store_id) VALUES (?, ?)", id, store);
        }
        for (String region : d.regions()) {
            Sql.update(c, "INSERT INTO inc_incident_region (incident_id, region) VALUES (?, ?)", id, region);
        }
    }

    private Optional<Incident> one(Connection c, String sql, Object... params) {
        return Sql.one(c, sql, rs -> row(c, rs), params);
    }

    private static Incident row(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String theme = rs.getString("theme");
        return new Incident(id, rs.getLong("brand_id"), rs.getString("title"),
            theme.isEmpty() ? List.of() : Arrays.asList(theme.split("\n")),
            Sql.list(c, "SELECT store_id FROM inc_incident_store WHERE incident_id = ? ORDER BY store_id", r -> r.getLong(1), id),
            Sql.list(c, "SELECT region FROM inc_incident_region WHERE incident_id = ? ORDER BY region", r -> r.getString(1), id),
            Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), Incident.Status.valueOf(rs.getString("status")),
            Sql.nullableLong(rs, "proposal_id"), rs.getBoolean("statement_answers"), rs.getLong("declared_by"), Sql.instant(rs, "declared_at"),
            Sql.instant(rs, "closed_at"));
    }

    /** What staff describe of an incident, checked and resolved to ids. */
    public record Description(String title, List<String> theme, List<Long> storeIds, List<String> regions, Instant startsAt,
                              Instant endsAt, boolean statementAnswers) {
        public Description {
            theme = List.copyOf(theme);
            storeIds = List.copyOf(storeIds);
            regions = List.copyOf(regions);
        }
    }
}
