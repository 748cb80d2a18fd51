package org.entraide.core.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PlatformTimeTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock system = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void setBackDatesEverythingEarlierUntilResumed() {
        PlatformTime time = new PlatformTime(system);
        Clock paris = time.withZone(ZoneId.of("Europe/Paris"));
        assertEquals(NOW, time.instant());
        time.setBack(Duration.ofDays(4));
        assertEquals(NOW.minus(Duration.ofDays(4)), time.instant());
        assertEquals(NOW.minus(Duration.ofDays(4)), paris.instant(), "a zoned copy follows the setting");
        time.resume();
        assertEquals(NOW, time.instant());
        assertEquals(NOW, paris.instant());
    }

    @Test
    void securityTimesKeepTheSystemsClock() {
        PlatformTime time = new PlatformTime(system);
        time.setBack(Duration.ofDays(4));
        assertSame(system, PlatformTime.real(time));
        assertSame(system, PlatformTime.real(system), "a test's own clock is kept as it is");
    }

    @Test
    void neverAhead() {
        assertThrows(IllegalArgumentException.class, () -> new PlatformTime(system).setBack(Duration.ofHours(-1)));
    }
}
