package org.entraide.localmanagers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant paris(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), PARIS).toInstant();
    }

    private static OpeningHours weekdays(Set<LocalDate> closures) {
        return StoreSettings.parse("Europe/Paris", Map.of("MONDAY", List.of("09:00-12:00", "14:00-19:00"),
            "TUESDAY", List.of("09:00-12:00", "14:00-19:00"), "WEDNESDAY", List.of("09:00-12:00", "14:00-19:00"),
            "THURSDAY", List.of("09:00-12:00", "14:00-19:00"), "FRIDAY", List.of("09:00-12:00", "14:00-19:00"),
            "SATURDAY", List.of("09:00-12:00")), closures.stream().map(LocalDate::toString).toList());
    }

    @Test
    void countsOnlyOpeningTimeAcrossLunchAndWeekends() {
        OpeningHours h = weekdays(Set.of());
        // Friday 18:00 (2026-11-20): 1 h left that day, Saturday 3 h, Sunday closed, Monday 3 h before lunch, 1 h after
        assertEquals(paris("2026-11-23T15:00"), h.plusOpening(paris("2026-11-20T18:00"), Duration.ofHours(8)),
            "1 h Friday + 3 h Saturday + 3 h Monday morning + 1 h after lunch");
        assertEquals(paris("2026-11-21T10:00"), h.plusOpening(paris("2026-11-20T19:30"), Duration.ofHours(1)),
            "filed after closing: the clock starts at the next opening");
        assertEquals(Duration.ofHours(8), h.openingBetween(paris("2026-11-20T18:00"), paris("2026-11-23T15:00")));
        assertEquals(Duration.ZERO, h.openingBetween(paris("2026-11-22T10:00"), paris("2026-11-22T18:00")), "Sunday");
    }

    @Test
    void skipsClosureDays() {
        OpeningHours h = weekdays(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")));
        // Thursday 24 December 18:00: 1 h that day, Christmas and Saturday closed, Sunday closed, Monday 9:00 + 2 h
        assertEquals(paris("2026-12-28T11:00"), h.plusOpening(paris("2026-12-24T18:00"), Duration.ofHours(3)));
    }

    @Test
    void followsTheStoresTimeZoneAndDaylightSaving() {
        OpeningHours reunion = StoreSettings.parse("Indian/Reunion", Map.of("SUNDAY", List.of("08:00-12:00")), List.of());
        Instant start = Instant.parse("2026-11-22T00:00:00Z"); // 04:00 in Réunion (UTC+4), a Sunday
        assertEquals(Instant.parse("2026-11-22T06:00:00Z"), reunion.plusOpening(start, Duration.ofHours(2)), "08:00 + 2 h local");
        OpeningHours open24 = StoreSettings.parse("Europe/Paris", Map.of("SUNDAY", List.of("00:00-23:59")), List.of());
        // 29 March 2026: clocks go from 02:00 to 03:00 in Paris; that Sunday has one opening hour less
        assertEquals(Duration.ofHours(22).plusMinutes(59), open24.openingBetween(paris("2026-03-29T00:00"), paris("2026-03-29T23:59")));
    }

    @Test
    void refusesBadHours() {
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.parse("Mars/Olympus", Map.of("MONDAY", List.of("09:00-10:00")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.parse("Europe/Paris", Map.of("MONDAY", List.of("10:00-09:00")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.parse("Europe/Paris", Map.of("MONDAY", List.of("09:00-12:00", "11:00-13:00")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.parse("Europe/Paris", Map.of("FUNDAY", List.of("09:00-10:00")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.parse("Europe/Paris", Map.of(), List.of()), "never open");
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.parse("Europe/Paris", Map.of("MONDAY", List.of("9h-10h")), List.of()));
    }
}
