package org.entraide.api.event;

import org.entraide.api.model.Role;

/** A brand admin granted a role. */
@EventType(name = EventTypes.ROLE_GRANTED, subject = EventTypes.SUBJECT_USER)
public record RoleGranted(long userId, Role role) implements Event {
}
