package org.entraide.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A committed state change. {@code payload} is a JSON object whose shape is fixed by
 * {@code type} and {@code schemaVersion}; {@code actorId} is null for changes made by the system.
 */
public record DomainEvent(long id, long brandId, String type, Instant occurredAt, Long actorId,
                          String subjectType, long subjectId, String payload, int schemaVersion) {
    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }
}
