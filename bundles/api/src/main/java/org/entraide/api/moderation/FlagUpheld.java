package org.entraide.api.moderation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/** Review upheld a member's flag (the flagged post was rejected): one event per flag. Subject: the flagger. */
@EventType(name = ModerationEvents.FLAG_UPHELD, subject = EventTypes.SUBJECT_USER)
public record FlagUpheld(long userId, long postId, String reason) implements Event {
}
