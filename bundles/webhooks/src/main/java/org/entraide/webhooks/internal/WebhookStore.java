package org.entraide.webhooks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The plugin's tables, used inside the caller's transaction. */
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

    long createEndpoint(Connection c, long brandId, String url, List<String> types, String secret, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_endpoint (brand_id, url, event_types, secret, active, "
            + "created_at) VALUES (?, ?, ?, ?, TRUE, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, brandId);
            ps.setString(2, url);
            ps.setString(3, String.join(",", types));
            ps.setString(4, secret);
            ps.setObject(5, utc(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    List<Endpoint> activeEndpoints(Connection c, long brandId) throws SQLException {
        return endpoints(c, "SELECT * FROM webhook_endpoint WHERE brand_id = ? AND active = TRUE ORDER BY id", brandId);
    }

    Endpoint endpoint(Connection c, long id) throws SQLException {
        List<Endpoint> found = endpoints(c, "SELECT * FROM webhook_endpoint WHERE id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    void deactivate(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_endpoint SET active = FALSE WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    void enqueue(Connection c, long endpointId, long eventId, String eventType, String body, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, body, "
            + "status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?)")) {
            ps.setLong(1, endpointId);
            ps.setLong(2, eventId);
            ps.setString(3, eventType);
            ps.setString(4, body);
            ps.setObject(5, utc(now));
            ps.executeUpdate();
        }
    }

    /**
     * Locks due deliveries, oldest first, of endpoints whose circuit is closed and that are not in {@code busy}
     * (endpoints this node already sends to as much as it may); another node claiming at the same time skips them.
     */
    List<Due> lockDue(Connection c, Instant now, Collection<Long> busy, int max) throws SQLException {
        String notBusy = busy.isEmpty() ? "" : " AND endpoint_id NOT IN (" + String.join(",", Collections.nCopies(busy.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement("SELECT id, endpoint_id, event_id, event_type, body, attempts "
            + "FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?" + notBusy
            + " AND endpoint_id NOT IN (SELECT id FROM webhook_endpoint WHERE circuit_open_until > ?)"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            ps.setObject(i++, utc(now));
            for (long id : busy) {
                ps.setLong(i++, id);
            }
            ps.setObject(i++, utc(now));
            ps.setInt(i, max);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6)));
                }
            }
            return out;
        }
    }

    /** Hides a claimed delivery from other senders until {@code until}, when it is due again if its sender died. */
    void lease(Connection c, long id, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?")) {
            ps.setObject(1, utc(until));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** A success closes the endpoint's circuit. */
    void endpointSucceeded(Connection c, long endpointId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_endpoint SET consecutive_failures = 0, "
            + "circuit_open_until = NULL WHERE id = ?")) {
            ps.setLong(1, endpointId);
            ps.executeUpdate();
        }
    }

    /**
     * Counts a failure; from the {@code threshold}-th in a row, the circuit opens until {@code openUntil}. Once that has
     * passed, the next attempts are trials: one more failure opens it again, a success closes it.
     */
    void endpointFailed(Connection c, long endpointId, int threshold, Instant openUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1, "
            + "circuit_open_until = CASE WHEN consecutive_failures + 1 >= ? THEN ? ELSE circuit_open_until END WHERE id = ?")) {
            ps.setInt(1, threshold);
            ps.setObject(2, utc(openUntil));
            ps.setLong(3, endpointId);
            ps.executeUpdate();
        }
    }

    void record(Connection c, long id, String status, int attempts, Integer httpStatus, String error, Instant next,
                Instant deliveredAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, "
            + "last_error = ?, next_attempt_at = ?, delivered_at = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setObject(3, httpStatus);
            ps.setString(4, error == null ? null : error.substring(0, Math.min(500, error.length())));
            ps.setObject(5, utc(next));
            ps.setObject(6, deliveredAt == null ? null : utc(deliveredAt));
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    List<Delivery> deliveries(Connection c, long endpointId, int limit, long offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, event_id, event_type, status, attempts, last_status, last_error, "
            + "next_attempt_at, delivered_at FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id LIMIT ? OFFSET ?")) {
            ps.setLong(1, endpointId);
            ps.setInt(2, limit);
            ps.setLong(3, offset);
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer last = rs.getObject(6) == null ? null : rs.getInt(6);
                    out.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), last,
                        rs.getString(7), instant(rs, 8), instant(rs, 9)));
                }
            }
            return out;
        }
    }

    long countDeliveries(Connection c, long endpointId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?")) {
            ps.setLong(1, endpointId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Endpoint> endpoints(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            List<Endpoint> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String types = rs.getString("event_types");
                    out.add(new Endpoint(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("url"),
                        types.isEmpty() ? List.of() : List.of(types.split(",")), rs.getString("secret"),
                        rs.getBoolean("active"), instant(rs, "created_at"), rs.getInt("consecutive_failures"),
                        instant(rs, "circuit_open_until")));
                }
            }
            return out;
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
