package org.entraide.api.badges;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/** An auto-revoked badge was taken back: the fields of {@link BadgeAwarded}, and why. */
@EventType(name = BadgeEvents.BADGE_REVOKED, subject = EventTypes.SUBJECT_USER)
public record BadgeRevoked(long userId, String badge, String tier, String scope, Long postId, Long sourceEventId,
                           String reason) implements Event {
}
