package org.entraide.reputation.internal.ledger;

import java.time.Instant;
import java.util.Set;

/**
 * A member as the plugin knows them: reputation, pseudonym and registration time (null until their
 * registration event is seen), staff roles.
 */
public record Member(long userId, long brandId, int points, String pseudonym, Instant registeredAt,
                     Set<String> staffRoles) {
    /** Where everyone starts, and the floor nobody goes under. */
    public static final int FLOOR = 1;

    public Member {
        staffRoles = Set.copyOf(staffRoles);
    }

    public boolean isStaff() {
        return !staffRoles.isEmpty();
    }
}
