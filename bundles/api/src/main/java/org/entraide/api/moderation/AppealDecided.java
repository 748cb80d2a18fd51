package org.entraide.api.moderation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * A moderator decided an appeal: {@code outcome} OVERTURNED or UPHELD. Subject: the appeal. {@code appellantId} is
 * there for the appellant's own notification only; webhooks leave it out.
 */
@EventType(name = ModerationEvents.APPEAL_DECIDED, subject = ModerationEvents.SUBJECT_APPEAL)
public record AppealDecided(long appealId, String subject, String outcome, String reason, long appellantId)
    implements Event {
}
