package org.entraide.api.reputation;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/** A member's reputation reached the {@code threshold} of a privilege (such as "vote-down"). */
@EventType(name = ReputationEvents.PRIVILEGE_GRANTED, subject = EventTypes.SUBJECT_USER)
public record PrivilegeGranted(long userId, String privilege, int threshold, int reputation) implements Event {
}
