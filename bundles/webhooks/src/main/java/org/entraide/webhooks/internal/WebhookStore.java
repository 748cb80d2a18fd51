package org.entraide.webhooks.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.entraide.jdbc.Sql;

/** The plugin's tables, used inside the caller's transaction, through the platform's JDBC helper. */
final class WebhookStore {
    /** A brand's endpoint; the secret is never shown after creation. */
    record Endpoint(long id, long brandId, String url, List<String> eventTypes, String secret, boolean active, Instant createdAt,
                    int consecutiveFailures, Instant circuitOpenUntil) {
        boolean wants(String type) {
            return eventTypes.isEmpty() || eventTypes.contains(type);
        }
    }

    /** A delivery as brand admins see it. */
    record Delivery(long id, long eventId, String eventType, String status, int attempts, Integer lastStatus,
                    String lastError, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /** A due delivery, with what sending needs. */
    record Due(long id, long endpointId, long eventId, String eventType, String body, int attempts) {
    }

    long createEndpoint(Connection c, long brandId, String url, List<String> types, String secret, Instant now) {
        return Sql.insert(c, "INSERT INTO webhook_endpoint (brand_id, url, event_types, secret, active, created_at) "
            + "VALUES (?, ?, ?, ?, TRUE, ?)", brandId, url, String.join(",", types), secret, now);
    }

    List<Endpoint> activeEndpoints(Connection c, long brandId) {
        return Sql.list(c, "SELECT * FROM webhook_endpoint WHERE brand_id = ? AND active = TRUE ORDER BY id", WebhookStore::endpoint,
            brandId);
    }

    Endpoint endpoint(Connection c, long id) {
        return Sql.one(c, "SELECT * FROM webhook_endpoint WHERE id = ?", WebhookStore::endpoint, id).orElse(null);
    }

    void deactivate(Connection c, long id) {
        Sql.update(c, "UPDATE webhook_endpoint SET active = FALSE WHERE id = ?", id);
    }

    void enqueue(Connection c, long endpointId, long eventId, String eventType, String body, Instant now) {
        Sql.update(c, "INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, body, status, attempts, next_attempt_at) "
            + "VALUES (?, ?, ?, ?, 'PENDING', 0, ?)", endpointId, eventId, eventType, body, now);
    }

    /**
     * Locks due deliveries, oldest first, of endpoints whose circuit is closed and that are not in {@code busy}
     * (endpoints this node already sends to as much as it may); another node claiming at the same time skips them.
     */
    List<Due> lockDue(Connection c, Instant now, Collection<Long> busy, int max) {
        String notBusy = busy.isEmpty() ? "" : " AND endpoint_id NOT IN (" + String.join(",", Collections.nCopies(busy.size(), "?")) + ")";
        List<Object> params = new ArrayList<>();
        params.add(now);
        params.addAll(busy);
        params.add(now);
        return Sql.claim(c, "id, endpoint_id, event_id, event_type, body, attempts", "webhook_delivery",
            "status = 'PENDING' AND next_attempt_at <= ?" + notBusy
            + " AND endpoint_id NOT IN (SELECT id FROM webhook_endpoint WHERE circuit_open_until > ?)", "id", max,
            rs -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6)),
            params.toArray());
    }

    /** Hides a claimed delivery from other senders until {@code until}, when it is due again if its sender died. */
    void lease(Connection c, long id, Instant until) {
        Sql.update(c, "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?", until, id);
    }

    /** A success closes the endpoint's circuit. */
    void endpointSucceeded(Connection c, long endpointId) {
        Sql.update(c, "UPDATE webhook_endpoint SET consecutive_failures = 0, circuit_open_until = NULL WHERE id = ?", endpointId);
    }

    /**
     * Counts a failure; from the {@code threshold}-th in a row, the circuit opens until {@code openUntil}. Once that has
     * passed, the next attempts are trials: one more failure opens it again, a success closes it.
     */
    void endpointFailed(Connection c, long endpointId, int threshold, Instant openUntil) {
        Sql.update(c, "UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1, "
            + "circuit_open_until = CASE WHEN consecutive_failures + 1 >= ? THEN ? ELSE circuit_open_until END WHERE id = ?",
            threshold, openUntil, endpointId);
    }

    void record(Connection c, long id, String status, int attempts, Integer httpStatus, String error, Instant next,
                Instant deliveredAt) {
        Sql.update(c, "UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?, "
            + "delivered_at = ? WHERE id = ?", status, attempts, httpStatus,
            error == null ? null : error.substring(0, Math.min(500, error.length())), next, deliveredAt, id);
    }

    List<Delivery> deliveries(Connection c, long endpointId, int limit, long offset) {
        return Sql.list(c, "SELECT id, event_id, event_type, status, attempts, last_status, last_error, next_attempt_at, delivered_at "
            + "FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id LIMIT ? OFFSET ?",
            rs -> new Delivery(rs.getLong("id"), rs.getLong("event_id"), rs.getString("event_type"), rs.getString("status"),
                rs.getInt("attempts"), rs.getObject("last_status") == null ? null : rs.getInt("last_status"),
                rs.getString("last_error"), Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "delivered_at")),
            endpointId, limit, offset);
    }

    long countDeliveries(Connection c, long endpointId) {
        return Sql.count(c, "SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?", endpointId);
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        String types = rs.getString("event_types");
        return new Endpoint(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("url"),
            types.isEmpty() ? List.of() : List.of(types.split(",")), rs.getString("secret"), rs.getBoolean("active"),
            Sql.instant(rs, "created_at"), rs.getInt("consecutive_failures"), Sql.instant(rs, "circuit_open_until"));
    }
}
