package org.entraide.api.event;

import org.entraide.api.model.ComplaintStatus;

/** The complainant reopened an evaluated complaint within 30 days. */
@EventType(name = EventTypes.COMPLAINT_REOPENED)
public record ComplaintReopened(long complaintId, ComplaintStatus previous, Long storeId) implements Event {
}
