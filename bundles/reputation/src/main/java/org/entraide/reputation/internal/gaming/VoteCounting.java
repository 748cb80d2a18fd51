package org.entraide.reputation.internal.gaming;

import java.time.Duration;

/**
 * Whose votes count: accounts at least {@code minAge} old and, when {@code requirePrivilege}, members whose
 * reputation reached the vote threshold when they voted. Staff votes always count.
 */
public record VoteCounting(Duration minAge, boolean requirePrivilege) {
    public VoteCounting {
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("newaccount.min.age.hours must not be negative");
        }
    }
}
