package org.entraide.core.internal.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's clock ({@link org.entraide.api.platform.PlatformClock}): the system's, which the demo alone sets back
 * while it plays its past history at its first start, so that what happened "four days ago" is dated, routed and
 * given its deadlines then, by the core and every plugin alike, and the deadline checks then find it late honestly.
 * Security times (tokens, console sessions) keep the {@link #real} clock: a sign-in during that moment stays valid.
 */
public final class PlatformTime extends Clock {
    private final Clock real;
    private final AtomicReference<Duration> back;

    public PlatformTime(Clock real) {
        this(real, new AtomicReference<>(Duration.ZERO));
    }

    private PlatformTime(Clock real, AtomicReference<Duration> back) {
        this.real = real;
        this.back = back;
    }

    /** The clock under {@code clock}: the system's when it is a platform time, else {@code clock} itself (tests). */
    public static Clock real(Clock clock) {
        return clock instanceof PlatformTime t ? t.real : clock;
    }

    /** From now on, the platform's time is {@code duration} earlier than the system's. */
    public void setBack(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the platform's time never runs ahead of the system's: " + duration);
        }
        back.set(duration);
    }

    /** Back to the system's time. */
    public void resume() {
        back.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return real.instant().minus(back.get());
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // a zoned copy follows the same setting
        return new PlatformTime(real.withZone(zone), back);
    }
}
