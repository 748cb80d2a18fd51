package org.entraide.reputation.internal.board;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The spans leaderboards sum points over, in UTC: all time, a calendar month, a week from Monday. */
public enum Period {
    ALL,
    MONTH,
    WEEK;

    /** The board key of the span containing {@code at}: 'all', 'month:2026-11' or 'week:2026-11-16'. */
    public String key(Instant at) {
        if (this == ALL) {
            return "all";
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case ALL -> "all";
            case MONTH -> "month:" + day.withDayOfMonth(1).toString().substring(0, 7);
            case WEEK -> "week:" + day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    /** The first day of the span containing {@code at}; null for all time. */
    public LocalDate start(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case ALL -> null;
            case MONTH -> day.withDayOfMonth(1);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period of(String code) {
        for (Period p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("period must be all, month or week");
    }
}
