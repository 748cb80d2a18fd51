package org.entraide.api.event;

/**
 * An official response to a complaint; {@code voice} is the voice a plugin granted the responder, null for the
 * store or brand.
 */
@EventType(name = EventTypes.COMPLAINT_RESPONDED)
public record ComplaintResponded(long complaintId, long responseId, long responderId, Long storeId, String voice)
                                 implements Event {
}
