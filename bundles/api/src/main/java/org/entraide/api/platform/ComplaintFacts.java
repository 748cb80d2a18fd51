package org.entraide.api.platform;

import java.time.Instant;

import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PublicationState;

/**
 * A complaint as plugins list it beside their own rows (an inbox, a log): its title, whether it is public, where it
 * stands in its life and the store it is about now; never its author, whom a complaint may hide.
 */
public record ComplaintFacts(long id, long brandId, String title, PublicationState publication, ComplaintStatus status,
                             Long storeId, Instant createdAt) {
    public boolean isPublished() {
        return publication == PublicationState.PUBLISHED;
    }
}
