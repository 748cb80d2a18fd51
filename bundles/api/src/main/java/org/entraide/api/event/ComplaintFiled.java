package org.entraide.api.event;

import org.entraide.api.model.PublicationState;

/**
 * A complaint was stored. Stores do not act on it: see {@link ComplaintPublished}. A null {@code publication}
 * (version 1) means it was public at once.
 */
@EventType(name = EventTypes.COMPLAINT_FILED, version = 2)
public record ComplaintFiled(long complaintId, long authorId, Long storeId, String storeCode,
                             PublicationState publication) implements Event {
}
