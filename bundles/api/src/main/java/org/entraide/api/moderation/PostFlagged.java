package org.entraide.api.moderation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** Members' flags, of this total weight, hid a post until review. Subject: the post. */
@EventType(name = ModerationEvents.POST_FLAGGED)
public record PostFlagged(long postId, double weight) implements Event {
}
