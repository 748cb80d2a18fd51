package org.entraide.api.event;

/** A complaint became public: its store learns of it now and its deadline starts. It never names the complainant. */
@EventType(name = EventTypes.COMPLAINT_PUBLISHED)
public record ComplaintPublished(long complaintId, Long storeId, String storeCode) implements Event {
}
