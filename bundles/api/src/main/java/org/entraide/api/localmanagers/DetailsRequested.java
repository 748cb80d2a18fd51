package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** The assigned manager asked the complainant for details, privately, in message {@code messageId}. */
@EventType(name = LocalManagerEvents.DETAILS_REQUESTED)
public record DetailsRequested(long complaintId, long messageId) implements Event {
}
