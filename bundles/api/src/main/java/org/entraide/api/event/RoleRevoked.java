package org.entraide.api.event;

import org.entraide.api.model.Role;

/** A brand admin revoked a role. */
@EventType(name = EventTypes.ROLE_REVOKED, subject = EventTypes.SUBJECT_USER)
public record RoleRevoked(long userId, Role role) implements Event {
}
