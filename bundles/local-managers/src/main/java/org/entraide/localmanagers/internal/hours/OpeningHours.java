package org.entraide.localmanagers.internal.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store's week: opening intervals per weekday in the store's time zone, and closure days. Deadlines are
 * counted in opening time: 24 opening hours from a Saturday evening end on the following days the store is
 * open, across weekends, closures, time zones and daylight saving changes.
 */
public final class OpeningHours {
    /** One opening interval of a day, such as 09:00-12:30. */
    public record Interval(LocalTime from, LocalTime to) {
        public Interval {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("an interval ends after it starts: " + from + "-" + to);
            }
        }

        public static Interval parse(String s) {
            String[] parts = s.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("an interval is HH:MM-HH:MM: " + s);
            }
            return new Interval(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> week;
    private final Set<LocalDate> closures;

    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> closures) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((d, list) -> this.week.put(d, sorted(d, list)));
        this.closures = Set.copyOf(closures);
        if (this.week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a store is open at least once a week");
        }
    }

    /** Monday to Saturday 09:00-19:00, Europe/Paris: the default of a store whose hours were never set. */
    public static OpeningHours standard() {
        Map<DayOfWeek, List<Interval>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, d == DayOfWeek.SUNDAY ? List.of() : List.of(Interval.parse("09:00-19:00")));
        }
        return new OpeningHours(ZoneId.of("Europe/Paris"), w, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<Interval>> week() {
        return week;
    }

    public Set<LocalDate> closures() {
        return closures;
    }

    /** The instant when {@code amount} of opening time has passed since {@code start}. */
    public Instant plusOpening(Instant start, Duration amount) {
        Duration left = amount;
        ZonedDateTime cursor = start.atZone(zone);
        LocalDate day = cursor.toLocalDate();
        for (int guard = 0; guard < 3700; guard++, day = day.plusDays(1)) {
            if (closures.contains(day)) {
                continue;
            }
            for (Interval i : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                ZonedDateTime open = day.atTime(i.from()).atZone(zone);
                ZonedDateTime close = day.atTime(i.to()).atZone(zone);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (!from.isBefore(close)) {
                    continue;
                }
                Duration available = Duration.between(from, close);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left).toInstant();
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no opening time within ten years");
    }

    /** Opening time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration openingBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(to.atZone(zone).toLocalDate()); day = day.plusDays(1)) {
            if (closures.contains(day)) {
                continue;
            }
            for (Interval i : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant open = day.atTime(i.from()).atZone(zone).toInstant();
                Instant close = day.atTime(i.to()).atZone(zone).toInstant();
                Instant a = open.isBefore(from) ? from : open;
                Instant b = close.isAfter(to) ? to : close;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private static List<Interval> sorted(DayOfWeek day, List<Interval> intervals) {
        List<Interval> out = new ArrayList<>(intervals);
        out.sort((a, b) -> a.from().compareTo(b.from()));
        for (int k = 1; k < out.size(); k++) {
            if (out.get(k).from().isBefore(out.get(k - 1).to())) {
                throw new IllegalArgumentException("overlapping opening hours on " + day);
            }
        }
        return List.copyOf(out);
    }
}
