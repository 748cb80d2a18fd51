package org.entraide.api.localmanagers;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** {@code percent} (50 or 90) of the first-response time has passed: the fields of {@link ComplaintAssigned}, and that. */
@EventType(name = LocalManagerEvents.COMPLAINT_REMINDER)
public record ComplaintReminder(long complaintId, long storeId, Long managerId, String dueAt, String timeZone,
                                int percent) implements Event {
}
