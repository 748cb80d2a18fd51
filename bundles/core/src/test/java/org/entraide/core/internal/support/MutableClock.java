package org.entraide.core.internal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward by hand, to bring deadlines and periods without waiting for them: from a fixed instant,
 * or from the system's time when the core beside it stamps what it writes with its own clock.
 */
public final class MutableClock extends Clock {
    private final Clock base;
    private volatile Duration ahead = Duration.ZERO;

    /** A clock that stands still at {@code start} until moved. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** The system's time, moved forward by the test: a period that ends in a month ends now. */
    public static MutableClock ofSystemTime() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration d) {
        ahead = ahead.plus(d);
    }

    /** Sets the time of a clock that stands still. */
    public void set(Instant t) {
        ahead = Duration.between(base.instant(), t);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead);
    }
}
