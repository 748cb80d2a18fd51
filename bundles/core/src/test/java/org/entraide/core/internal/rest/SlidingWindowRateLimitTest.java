package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.support.MutableClock;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RateLimits limits = RateLimitsTest.onH2(clock, Map.of("login", 3, "post", 1));

    @Test
    void theHitPastTheLimitIsA429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> limits.check("login", "demo/a@b.c"), "hits within the limit pass");
        }
        clock.advance(Duration.ofMinutes(4));
        ProblemException e = assertThrows(ProblemException.class, () -> limits.check("login", "demo/a@b.c"));
        assertEquals(429, e.status(), "past the limit: 429");
        long retry = ((Number) e.extensions().get("retryAfter")).longValue();
        assertEquals(6 * 60, retry, "retry when the oldest hit leaves the window");
    }

    @Test
    void hitsLeaveTheWindow() {
        for (int i = 0; i < 3; i++) {
            limits.check("login", "k");
            clock.advance(Duration.ofMinutes(2));
        }
        assertThrows(ProblemException.class, () -> limits.check("login", "k"), "three hits in six minutes fill the window");
        clock.advance(Duration.ofMinutes(5));
        assertDoesNotThrow(() -> limits.check("login", "k"), "once the first hit is ten minutes old, one more passes");
        assertThrows(ProblemException.class, () -> limits.check("login", "k"), "and the window is full again");
    }

    @Test
    void keysAndActionsAreCountedApart() {
        limits.check("post", "user-1");
        assertThrows(ProblemException.class, () -> limits.check("post", "user-1"), "user-1 used its post");
        assertDoesNotThrow(() -> limits.check("post", "user-2"), "user-2 has its own count");
        assertDoesNotThrow(() -> limits.check("login", "user-1"), "another action has its own count");
    }

    @Test
    void actionsWithoutALimitAreNotLimited() {
        assertDoesNotThrow(() -> {
            for (int i = 0; i < 1_000; i++) {
                limits.check("register", "demo");
            }
        }, "an action with no configured limit never answers 429");
    }
}
