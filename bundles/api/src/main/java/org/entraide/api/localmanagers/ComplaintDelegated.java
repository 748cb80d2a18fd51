package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * The assigned manager (the event's actor) passed the complaint from {@code fromStoreId} to {@code storeId}, whose
 * manager {@code managerId} (null when none is available) gets it, with a reason.
 */
@EventType(name = LocalManagerEvents.COMPLAINT_DELEGATED)
public record ComplaintDelegated(long complaintId, long fromStoreId, long storeId, Long managerId, String reason)
    implements Event {
}
