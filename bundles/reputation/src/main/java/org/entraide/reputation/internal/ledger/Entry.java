package org.entraide.reputation.internal.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of the ledger.
 *
 * @param amount        what was applied, after the daily cap and the floor
 * @param rulePoints    what the points table said
 * @param reason        the rule's code
 * @param eventId       the domain event that caused it; null for a reversal made by a job
 * @param actorId       who caused it: the voter, the accepter
 * @param capDay        the UTC day whose cap it counts against (for a reversal: the original's)
 * @param reversed      whether a later entry took it back
 * @param reversesId    for a reversal, the entry it takes back
 * @param reversalCause for a reversal, why: vote-retracted, vote-changed, unaccepted, serial-voting
 */
public record Entry(long id, long brandId, long userId, int amount, int rulePoints, String reason, Long eventId,
                    Long postId, Long actorId, Instant occurredAt, LocalDate capDay, boolean cappable, boolean capped,
                    boolean reversed, Long reversesId, String reversalCause) {
    public Entry {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(capDay, "capDay");
    }

    public boolean isReversal() {
        return reversesId != null;
    }

    Entry withId(long newId) {
        return new Entry(newId, brandId, userId, amount, rulePoints, reason, eventId, postId, actorId, occurredAt, capDay,
            cappable, capped, reversed, reversesId, reversalCause);
    }
}
