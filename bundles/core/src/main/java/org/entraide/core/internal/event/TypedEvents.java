package org.entraide.core.internal.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.Event;
import org.entraide.api.event.EventReader;
import org.entraide.api.event.EventType;

/**
 * Reads payloads as their records, whatever version wrote them: a field an older version lacked is null (or 0,
 * false), one a later version dropped is ignored. That tolerance is what lets a plugin replay a year of history.
 */
public final class TypedEvents implements EventReader {
    private final ObjectMapper json = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    static EventType typeOf(Class<?> record) {
        EventType type = record.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(record.getName() + " has no @EventType");
        }
        return type;
    }

    @Override
    public <T extends Event> T read(DomainEvent event, Class<T> type) {
        EventType declared = typeOf(type);
        if (!declared.name().equals(event.type())) {
            throw new IllegalArgumentException("event " + event.id() + " is a " + event.type() + ", not a " + declared.name());
        }
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " (" + event.type() + " v" + event.schemaVersion()
                + ") does not read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
