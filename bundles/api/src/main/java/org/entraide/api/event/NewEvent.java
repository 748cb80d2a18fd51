package org.entraide.api.event;

import java.util.Map;
import java.util.Objects;

/** An event to append: the log gives it its id and time. The payload is serialized to JSON. */
public record NewEvent(long brandId, String type, Long actorId, String subjectType, long subjectId,
                       Map<String, Object> payload, int schemaVersion) {
    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectType, "subjectType");
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static NewEvent of(long brandId, String type, Long actorId, String subjectType, long subjectId,
                              Map<String, Object> payload) {
        return new NewEvent(brandId, type, actorId, subjectType, subjectId, payload, 1);
    }
}
