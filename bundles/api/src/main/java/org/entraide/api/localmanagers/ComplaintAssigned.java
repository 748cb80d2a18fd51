package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * A complaint was routed to a store's manager ({@code managerId}, null when none is available). {@code dueAt} is
 * an ISO-8601 instant, told in the store's {@code timeZone} (null in events written before it existed: UTC).
 */
@EventType(name = LocalManagerEvents.COMPLAINT_ASSIGNED)
public record ComplaintAssigned(long complaintId, long storeId, Long managerId, String dueAt, String timeZone)
    implements Event {
}
