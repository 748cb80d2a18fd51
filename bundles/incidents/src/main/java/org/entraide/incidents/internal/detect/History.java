package org.entraide.incidents.internal.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scope posted over the {@code weeks} whole weeks before the day of the hour judged (days and hours in UTC),
 * gathered into the two views the {@link Baseline} needs:
 * <ul>
 * <li>the same hour of the same weekday in each of those weeks (0 where nothing was posted): the scope's own habit at
 * that hour, and its fluctuation;</li>
 * <li>the scope's <b>weekly profile</b>: all its posts, those at that hour of the day (any day), and those on that
 * weekday (any hour). A store's hours follow a daily rhythm and its days a weekly one; with both shares the hour's
 * expected count rests on the scope's whole history (7 times as many hours for the hour of the day, 24 times for the
 * weekday) instead of only 8 hours, which say little about a quiet hour.</li>
 * </ul>
 * Counts are given by how many hours before the judged hour they were posted ({@link #add}); others are ignored, so
 * callers may pass a wider range.
 */
public final class History {
    private static final int DAY = 24;
    private static final int WEEK = 7 * DAY;

    private final int hourOfDay;
    private final int weeks;
    private final int[] sameHour;
    private long total;
    private long atHourOfDay;
    private long onWeekday;

    /** {@code hourOfDay}: the UTC hour of the day of the hour judged (0 to 23). */
    public History(int hourOfDay, int weeks) {
        if (hourOfDay < 0 || hourOfDay >= DAY || weeks < 1) {
            throw new IllegalArgumentException("hour of day " + hourOfDay + ", weeks " + weeks);
        }
        this.hourOfDay = hourOfDay;
        this.weeks = weeks;
        this.sameHour = new int[weeks];
    }

    /** Counts {@code posts} posted {@code hoursBefore} hours before the hour judged, when it falls in the weeks. */
    public void add(long hoursBefore, int posts) {
        long beforeDay = hoursBefore - hourOfDay; // hours before the start of the judged day
        if (beforeDay < 1 || beforeDay > (long) weeks * WEEK) {
            return; // the judged day itself (an ongoing rise must not raise its own baseline), or older
        }
        total += posts;
        long daysBack = (beforeDay - 1) / DAY + 1;
        if (hoursBefore % DAY == 0) {
            atHourOfDay += posts;
        }
        if (daysBack % 7 == 0) {
            onWeekday += posts;
            if (hoursBefore % WEEK == 0) {
                sameHour[(int) (hoursBefore / WEEK) - 1] += posts;
            }
        }
    }

    /** The same hour of the same weekday, a week ago first. */
    public List<Integer> sameHours() {
        List<Integer> out = new ArrayList<>(weeks);
        for (int n : sameHour) {
            out.add(n);
        }
        return out;
    }

    /**
     * The hour's expected count by the weekly profile: the scope's posts in a week, times the weekday's share of them,
     * times the hour of the day's share: {@code (H + 1)(D + 1) / ((T + 1) weeks)}. The ones are one more post seen at
     * that hour, on that day and in all: with no post at all it is one post over the weeks, and a quiet hour (no post
     * at 3 a.m. in 8 weeks, 300 in all) expects about one post over the 56 days at that hour.
     */
    public double profile() {
        return (atHourOfDay + 1.0) * (onWeekday + 1.0) / ((total + 1.0) * weeks);
    }

    public Baseline baseline() {
        return Baseline.of(sameHours(), profile());
    }
}
