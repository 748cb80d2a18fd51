package org.entraide.incidents.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** An incident's official statement (the first) and its updates, oldest first. */
public final class Statements {
    public record Statement(long id, long incidentId, boolean update, String body, String html, long authorId,
                            Instant publishedAt) {
    }

    public long insert(Connection c, long incidentId, boolean update, String body, String html, long authorId, Instant now) {
        return Sql.insert(c, "INSERT INTO inc_statement (incident_id, is_update, body, body_html, author_id, published_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)", incidentId, update, body, html, authorId, now);
    }

    public List<Statement> of(Connection c, long incidentId) {
        return Sql.list(c, "SELECT id, incident_id, is_update, body, body_html, author_id, published_at FROM inc_statement "
            + "WHERE incident_id = ? ORDER BY id", rs -> new Statement(rs.getLong("id"), rs.getLong("incident_id"),
                rs.getBoolean("is_update"), rs.getString("body"), rs.getString("body_html"), rs.getLong("author_id"),
                Sql.instant(rs, "published_at")), incidentId);
    }

    public Optional<Statement> first(Connection c, long incidentId) {
        List<Statement> all = of(c, incidentId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}
