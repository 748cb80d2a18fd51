package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** The complainant answered the manager privately, in message {@code messageId}. */
@EventType(name = LocalManagerEvents.DETAILS_GIVEN)
public record DetailsGiven(long complaintId, long messageId) implements Event {
}
