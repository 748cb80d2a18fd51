package org.entraide.core.internal.ops;

/**
 * What the operations endpoints need from {@code etc/org.entraide.core.cfg}.
 *
 * @param maxEventLag   the most events a subscriber may be behind while the node still reports ready
 * @param metricsToken  a bearer token that reads {@code /metrics} besides the instance administrators; empty for none
 */
public record OpsSettings(long maxEventLag, String metricsToken) {
    public OpsSettings {
        if (maxEventLag < 0) {
            throw new IllegalArgumentException("health.max.event.lag must not be negative");
        }
        metricsToken = metricsToken == null ? "" : metricsToken.strip();
        if (!metricsToken.isEmpty() && metricsToken.length() < 16) {
            throw new IllegalArgumentException("metrics.token must be empty or at least 16 characters");
        }
    }

    public static OpsSettings defaults() {
        return new OpsSettings(10_000, "");
    }
}
