package org.entraide.api.event;

/** A complaint was moved to another store of its brand (a delegation); its new store's managers answer it. */
@EventType(name = EventTypes.COMPLAINT_MOVED)
public record ComplaintMoved(long complaintId, Long fromStoreId, long storeId, String storeCode, String reason)
    implements Event {
}
