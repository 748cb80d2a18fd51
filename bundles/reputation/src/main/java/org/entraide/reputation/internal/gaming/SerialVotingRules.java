package org.entraide.reputation.internal.gaming;

import java.time.Duration;

/**
 * When votes from one member to another look like serial voting: more than {@code burstVotes} within
 * {@code burstWindow}, or more than {@code sharePercent}% of the voter's votes over {@code shareWindow}
 * when they cast at least {@code shareMinVotes} in it.
 */
public record SerialVotingRules(int burstVotes, Duration burstWindow, int sharePercent, Duration shareWindow,
                                int shareMinVotes) {
    public SerialVotingRules {
        if (burstVotes < 1) {
            throw new IllegalArgumentException("serial.burst.votes must be at least 1");
        }
        if (burstWindow.isNegative() || burstWindow.isZero()) {
            throw new IllegalArgumentException("serial.burst.hours must be positive");
        }
        if (sharePercent < 1 || sharePercent > 100) {
            throw new IllegalArgumentException("serial.share.percent must be between 1 and 100");
        }
        if (shareWindow.isNegative() || shareWindow.isZero()) {
            throw new IllegalArgumentException("serial.share.days must be positive");
        }
        if (shareMinVotes < 1) {
            throw new IllegalArgumentException("serial.share.min.votes must be at least 1");
        }
    }

    /** How far back the checks look. */
    public Duration lookBack() {
        return burstWindow.compareTo(shareWindow) > 0 ? burstWindow : shareWindow;
    }
}
