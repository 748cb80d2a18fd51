package org.entraide.api.platform;

/**
 * The platform's clock: the core provides a {@code java.time.Clock} service with the property {@value #PROPERTY}
 * {@code = platform}. Plugins whose behaviour depends on the time of day (deadlines, reminders, periods) take it by
 * reference with {@link #TARGET} instead of the system clock, so that they count time as the core dates events. It is
 * the system's UTC clock, except while the demo plays its past history at its first start (docs/operations.md).
 */
public final class PlatformClock {
    /** The service property that marks the platform's clock. */
    public static final String PROPERTY = "entraide.clock";
    /** The reference target that selects it. */
    public static final String TARGET = "(" + PROPERTY + "=platform)";

    private PlatformClock() {
    }
}
