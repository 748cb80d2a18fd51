package org.entraide.core.internal.support;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** Reads the {@code domain_event} table, to check what a request appended. */
public final class Outbox {
    /** One stored event, its payload parsed. */
    public record Event(long id, long brandId, String type, Long actorId, String subjectType, long subjectId, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /** The id of the newest event, 0 when there is none. */
    public long lastId() {
        return db.inTransaction(c -> Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM domain_event"));
    }

    public long count() {
        return db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM domain_event"));
    }

    /** Events appended after {@code id}, oldest first. */
    public List<Event> after(long id) {
        return db.inTransaction(c -> Sql.list(c, "SELECT id, brand_id, event_type, actor_id, subject_type, subject_id, payload "
            + "FROM domain_event WHERE id > ? ORDER BY id", rs -> {
                // wasNull() speaks of the last column read: read the actor's null-ness right after it
                long read = rs.getLong("actor_id");
                Long actor = rs.wasNull() ? null : read;
                return new Event(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("event_type"),
                    actor, rs.getString("subject_type"), rs.getLong("subject_id"),
                    parse(rs.getString("payload")));
            }, id));
    }

    /** Events of these types about one post, oldest first. */
    public List<Event> aboutPost(long subjectId, String... types) {
        List<String> wanted = List.of(types);
        return after(0).stream()
            .filter(e -> e.subjectType().equals("post") && e.subjectId() == subjectId && wanted.contains(e.type()))
            .toList();
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("event payload is not JSON: " + payload, e);
        }
    }
}
