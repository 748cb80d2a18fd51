package org.entraide.api.badges;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/**
 * A member earned a badge. {@code scope} is "" for the whole brand, or "topic:12", "tag:peinture", "city:Lyon",
 * "answer:345" for a post; {@code postId} is set when a post earned it; {@code sourceEventId} is null for a
 * re-evaluation that no event caused.
 */
@EventType(name = BadgeEvents.BADGE_AWARDED, subject = EventTypes.SUBJECT_USER)
public record BadgeAwarded(long userId, String badge, String tier, String scope, Long postId, Long sourceEventId)
    implements Event {
}
