package org.entraide.api.event;

import java.util.Map;
import java.util.Objects;

/**
 * An event to append, untyped: the log gives it its id and time. The payload is serialized to JSON.
 *
 * @deprecated append a typed record instead, with {@link EventLog#append(java.sql.Connection, long, Long, long, Event)}:
 *     every event of the core and of the shipped plugins has one. Kept so that plugins compiled against 1.x still
 *     resolve; removed in the package's next major version.
 */
@Deprecated
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
