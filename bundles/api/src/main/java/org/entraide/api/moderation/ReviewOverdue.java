package org.entraide.api.moderation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * An item waited in the review queue longer than the brand allows. Subject: the post. {@code source} is HOLD or
 * FLAG; {@code waitingSince} is an ISO-8601 instant.
 */
@EventType(name = ModerationEvents.REVIEW_OVERDUE)
public record ReviewOverdue(long itemId, long postId, String source, String waitingSince) implements Event {
}
