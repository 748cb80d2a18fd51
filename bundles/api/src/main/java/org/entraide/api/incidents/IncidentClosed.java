package org.entraide.api.incidents;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** An incident was closed, with {@code items} attached, {@code complaints} of them complaints. */
@EventType(name = IncidentEvents.CLOSED, subject = IncidentEvents.SUBJECT_INCIDENT)
public record IncidentClosed(long incidentId, long items, long complaints) implements Event {
}
