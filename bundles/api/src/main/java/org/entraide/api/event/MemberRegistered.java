package org.entraide.api.event;

/** A member created their account. */
@EventType(name = EventTypes.USER_REGISTERED, subject = EventTypes.SUBJECT_USER)
public record MemberRegistered(long userId, String pseudonym) implements Event {
}
