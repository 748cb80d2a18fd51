package org.entraide.core.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.Event;
import org.entraide.api.event.NewEvent;
import org.entraide.jdbc.Sql;

/**
 * Base of a plugin's event-record tests: a payload in the shape already stored (written as an untyped map, as the
 * plugin wrote it before its records existed) must read back as the record, and the record must store that same
 * shape, so that a replay of a year of history and every reader of the stored JSON (webhooks) see no difference.
 */
public abstract class EventRecordScenarios extends ApiScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Appends {@code stored} as today's rows hold it, then reads the row back as {@code record}. */
    @SuppressWarnings("deprecation")
    protected <T extends Event> T replay(String type, String subjectType, long subjectId, Map<String, Object> stored,
                                         Class<T> record) {
        long brand = server.core.brands.require("demo").id();
        long id = server.core.db.inTransaction(c -> server.core.events.append(c,
            NewEvent.of(brand, type, null, subjectType, subjectId, stored)));
        return server.core.eventReader.read(event(id), record);
    }

    /** Appends the record and checks its row: the type, subject and payload {@code stored} (nothing more, nothing less). */
    protected void assertStoredAs(Event record, long subjectId, String type, String subjectType, Map<String, Object> stored) {
        long brand = server.core.brands.require("demo").id();
        long id = server.core.db.inTransaction(c -> server.core.events.append(c, brand, null, subjectId, record));
        DomainEvent e = event(id);
        assertEquals(type, e.type(), "event type of " + record);
        assertEquals(subjectType, e.subjectType(), "subject type of " + record);
        assertEquals(subjectId, e.subjectId());
        assertEquals(tree(stored), tree(e.payload()), "the payload of " + type + " keeps the stored shape");
    }

    private DomainEvent event(long id) {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT id, brand_id, event_type, occurred_at, actor_id, "
            + "subject_type, subject_id, payload, schema_version FROM domain_event WHERE id = ?",
            rs -> new DomainEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.instant(rs, "occurred_at"),
                Sql.nullableLong(rs, "actor_id"), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9)), id)
            .orElseThrow());
    }

    private static JsonNode tree(Object payload) {
        try {
            return JSON.readTree(payload instanceof String s ? s : JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
