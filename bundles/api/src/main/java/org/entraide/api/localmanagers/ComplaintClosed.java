package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** An answered complaint closed without its author's evaluation ({@code evaluated} false), 15 days after the response. */
@EventType(name = LocalManagerEvents.COMPLAINT_CLOSED)
public record ComplaintClosed(long complaintId, boolean evaluated) implements Event {
}
