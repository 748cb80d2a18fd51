package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.support.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    /** Limits over a fresh, migrated H2 database, with the default window of ten minutes. */
    static RateLimits onH2(Clock clock, Map<String, Integer> limits) {
        javax.sql.DataSource ds = org.entraide.core.internal.support.TestDatabases.h2();
        new org.entraide.core.internal.db.FlywayMigrator(ds).migrate("core", RateLimits.class.getClassLoader(), "db/core");
        return new RateLimits(new org.entraide.core.internal.db.Database(ds), clock,
            org.entraide.core.internal.ratelimit.RatePolicy.defaults().withLimits(limits));
    }

    @Test
    void refusesPastTheLimitUntilTheWindowSlides() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimits limits = RateLimitsTest.onH2(clock, Map.of("post", 2));
        limits.check("post", "u1");
        limits.check("post", "u1");
        ProblemException e = assertThrows(ProblemException.class, () -> limits.check("post", "u1"));
        assertEquals(429, e.status());
        assertDoesNotThrow(() -> limits.check("post", "u2"), "limits are per key");
        clock.advance(Duration.ofMinutes(11));
        assertDoesNotThrow(() -> limits.check("post", "u1"), "the window slid");
    }

    @Test
    void onlyRecordedFailuresCountWhenAsked() {
        RateLimits limits = RateLimitsTest.onH2(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
            Map.of("login", 2));
        for (int i = 0; i < 10; i++) {
            limits.requireAllowed("login", "alice");
        }
        limits.record("login", "alice");
        limits.record("login", "alice");
        assertThrows(ProblemException.class, () -> limits.requireAllowed("login", "alice"));
        assertDoesNotThrow(() -> limits.check("unlimited", "x"), "an action without a limit is never refused");
    }
}
