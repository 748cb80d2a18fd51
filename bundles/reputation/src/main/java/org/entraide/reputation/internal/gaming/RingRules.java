package org.entraide.reputation.internal.gaming;

import java.time.Duration;

/**
 * When a group looks like a voting ring: at least {@code minSize} members, each of whom cast at least
 * {@code minVotes} votes over {@code window}, more than {@code sharePercent}% of them for the others.
 */
public record RingRules(int minSize, int sharePercent, Duration window, int minVotes) {
    public RingRules {
        if (minSize < 3) {
            throw new IllegalArgumentException("ring.min.size must be at least 3");
        }
        if (sharePercent < 1 || sharePercent > 100) {
            throw new IllegalArgumentException("ring.share.percent must be between 1 and 100");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("ring.days must be positive");
        }
        if (minVotes < 1) {
            throw new IllegalArgumentException("ring.min.votes must be at least 1");
        }
    }
}
