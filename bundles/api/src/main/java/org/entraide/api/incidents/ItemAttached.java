package org.entraide.api.incidents;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * A question or complaint ({@code postType} QUESTION or COMPLAINT) was attached to an incident; {@code automatic}
 * when its text matched the incident's theme and stores, false when staff attached it. {@code storeId} is the
 * post's store, if any. A post is attached to an incident once.
 */
@EventType(name = IncidentEvents.ITEM_ATTACHED, subject = IncidentEvents.SUBJECT_INCIDENT)
public record ItemAttached(long incidentId, long postId, String postType, Long storeId, boolean automatic) implements Event {
}
