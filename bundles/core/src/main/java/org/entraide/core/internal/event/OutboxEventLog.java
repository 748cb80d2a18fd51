package org.entraide.core.internal.event;

import java.sql.Connection;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventType;
import org.entraide.api.event.NewEvent;
import org.entraide.jdbc.Sql;

/** Appends events to the {@code domain_event} outbox inside the caller's transaction. */
public final class OutboxEventLog implements EventLog {
    private final ObjectMapper json;
    private final Clock clock;
    /** Told of each append, inside its transaction (the core moves the brand's content version after commit). */
    private volatile Appended appended = (c, brandId) -> { };

    /** Called on the appending thread, inside the transaction, with its connection. */
    public interface Appended {
        void appended(Connection c, long brandId);
    }

    public OutboxEventLog(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void onAppend(Appended listener) {
        this.appended = listener;
    }

    @Override
    public long append(Connection c, long brandId, Long actorId, long subjectId, Event event) {
        EventType type = TypedEvents.typeOf(event.getClass());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = json.convertValue(event, Map.class);
        payload.values().removeIf(java.util.Objects::isNull);
        return append(c, new NewEvent(brandId, type.name(), actorId, type.subject(), subjectId, payload, type.version()));
    }

    @Override
    public long append(Connection c, NewEvent e) {
        String payload;
        try {
            payload = json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event payload is not serializable: " + ex.getMessage(), ex);
        }
        long id = Sql.insert(c, "INSERT INTO domain_event (brand_id, event_type, occurred_at, actor_id, subject_type, "
                + "subject_id, payload, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            e.brandId(), e.type(), clock.instant(), e.actorId(), e.subjectType(), e.subjectId(), payload,
            e.schemaVersion());
        appended.appended(c, e.brandId());
        return id;
    }
}
