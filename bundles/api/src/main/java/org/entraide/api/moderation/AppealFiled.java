package org.entraide.api.moderation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * A member appealed a moderation decision: {@code subject} ITEM for a rejected post, SANCTION for a sanction.
 * Subject: the appeal. It never names the appellant: the appeal of a rejected complaint would tie the complaint to
 * its author.
 */
@EventType(name = ModerationEvents.APPEAL_FILED, subject = ModerationEvents.SUBJECT_APPEAL)
public record AppealFiled(long appealId, String subject) implements Event {
}
