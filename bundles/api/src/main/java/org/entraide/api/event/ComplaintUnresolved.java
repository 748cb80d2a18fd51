package org.entraide.api.event;

/** The complainant marked the complaint not resolved, with a rating from 0 to 10. */
@EventType(name = EventTypes.COMPLAINT_UNRESOLVED)
public record ComplaintUnresolved(long complaintId, int rating, boolean wouldBuyAgain, Long storeId) implements Event {
}
