package org.entraide.api.localmanagers;

import java.util.List;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * A complaint went up a level: {@code to} "region" (the store's deadline passed; {@code managerIds} are the
 * region's managers, who answer now) or "central" (the region's time passed, or a manager handed it over with a
 * {@code reason}; the event's actor is then that manager). A hand-over carries neither store nor deadline: those
 * fields are null, as {@code managerIds} is when not going to a region.
 */
@EventType(name = LocalManagerEvents.COMPLAINT_ESCALATED)
public record ComplaintEscalated(long complaintId, String to, Long storeId, Long managerId, String dueAt,
                                 String timeZone, List<Long> managerIds, String reason) implements Event {
    public ComplaintEscalated {
        managerIds = managerIds == null ? null : List.copyOf(managerIds);
    }
}
