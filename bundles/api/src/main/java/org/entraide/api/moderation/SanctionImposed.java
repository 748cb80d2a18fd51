package org.entraide.api.moderation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/**
 * A moderator sanctioned a member. Subject: the member. {@code kind} is WARNING, SILENCE, SUSPENSION...;
 * {@code endsAt} is an ISO-8601 instant, null when the sanction has no end (a warning).
 */
@EventType(name = ModerationEvents.SANCTION_IMPOSED, subject = EventTypes.SUBJECT_USER)
public record SanctionImposed(long sanctionId, long userId, String kind, String reason, String endsAt) implements Event {
}
