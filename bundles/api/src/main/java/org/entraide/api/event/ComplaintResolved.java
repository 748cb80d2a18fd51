package org.entraide.api.event;

/** The complainant marked the complaint resolved, with a rating from 0 to 10. */
@EventType(name = EventTypes.COMPLAINT_RESOLVED)
public record ComplaintResolved(long complaintId, int rating, boolean wouldBuyAgain, Long storeId) implements Event {
}
