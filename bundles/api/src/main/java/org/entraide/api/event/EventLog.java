package org.entraide.api.event;

import java.sql.Connection;

/**
 * The outbox. The platform provides it. Appending joins the caller's transaction, so the event
 * exists if and only if the change it describes is committed.
 */
public interface EventLog {
    /**
     * @return the new event's id
     * @deprecated append a typed record with {@link #append(Connection, long, Long, long, Event)}
     */
    @Deprecated
    long append(Connection connection, NewEvent event);

    /**
     * Appends a typed event: its name, version and subject type come from its record's {@link EventType}, its JSON
     * payload from the record's components (null ones left out).
     *
     * @param actorId   who made the change; null for the system
     * @param subjectId the post or user the event is about
     * @return the new event's id
     * @throws IllegalArgumentException when the record has no {@link EventType}
     */
    long append(Connection connection, long brandId, Long actorId, long subjectId, Event event);
}
