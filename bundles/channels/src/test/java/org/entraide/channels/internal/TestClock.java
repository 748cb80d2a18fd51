package org.entraide.channels.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system's time, moved forward by the test: a period that ends in a month ends now. */
final class TestClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    void advance(Duration d) {
        ahead = ahead.plus(d);
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
        return Instant.now().plus(ahead);
    }
}
