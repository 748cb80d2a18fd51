package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesPastTheLimitUntilTheWindowSlides() {
        ManualClock clock = new ManualClock();
        RateLimits limits = new RateLimits(clock, Duration.ofMinutes(10), Map.of("post", 2));
        limits.check("post", "u1");
        limits.check("post", "u1");
        ProblemException e = assertThrows(ProblemException.class, () -> limits.check("post", "u1"));
        assertEquals(429, e.status());
        assertDoesNotThrow(() -> limits.check("post", "u2"), "limits are per key");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertDoesNotThrow(() -> limits.check("post", "u1"), "the window slid");
    }

    @Test
    void onlyRecordedFailuresCountWhenAsked() {
        RateLimits limits = new RateLimits(new ManualClock(), Duration.ofMinutes(10), Map.of("login", 2));
        for (int i = 0; i < 10; i++) {
            limits.requireAllowed("login", "alice");
        }
        limits.record("login", "alice");
        limits.record("login", "alice");
        assertThrows(ProblemException.class, () -> limits.requireAllowed("login", "alice"));
        assertDoesNotThrow(() -> limits.check("unlimited", "x"), "an action without a limit is never refused");
    }
}
