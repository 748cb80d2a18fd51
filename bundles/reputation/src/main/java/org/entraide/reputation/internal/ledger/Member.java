package org.entraide.reputation.internal.ledger;

import java.time.Instant;
import java.util.Set;

/** A member as the plugin knows them: reputation, registration time (null if never seen), staff roles. */
public record Member(long userId, long brandId, int points, Instant registeredAt, Set<String> staffRoles) {
    /** Where everyone starts, and the floor nobody goes under. */
    public static final int FLOOR = 1;

    public Member {
        staffRoles = Set.copyOf(staffRoles);
    }

    public boolean isStaff() {
        return !staffRoles.isEmpty();
    }
}
