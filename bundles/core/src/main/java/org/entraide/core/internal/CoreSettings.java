package org.entraide.core.internal;

import java.time.Duration;
import java.util.Map;

/** The tunable values of the core, read from the {@code org.entraide.core} configuration. */
public record CoreSettings(Duration tokenLifetime, int maxBodyBytes, Duration rateWindow, Map<String, Integer> rateLimits,
                           boolean demo, Duration eventPoll, int eventBatch) {
    public CoreSettings {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("token.lifetime.hours must be positive");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("request.max.bytes must be at least 1024");
        }
        if (eventPoll.toMillis() < 10) {
            throw new IllegalArgumentException("events.poll.millis must be at least 10");
        }
        if (eventBatch < 1) {
            throw new IllegalArgumentException("events.batch must be at least 1");
        }
        rateLimits = Map.copyOf(rateLimits);
    }

    public static CoreSettings defaults() {
        return new CoreSettings(Duration.ofHours(24), 64 * 1024, Duration.ofMinutes(10),
            Map.of("login", 10, "register", 100, "post", 30, "preview", 300, "admin-login", 10), false, Duration.ofMillis(100), 200);
    }

    public CoreSettings withDemo(boolean on) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rateWindow, rateLimits, on, eventPoll, eventBatch);
    }

    public CoreSettings withMaxBodyBytes(int bytes) {
        return new CoreSettings(tokenLifetime, bytes, rateWindow, rateLimits, demo, eventPoll, eventBatch);
    }

    public CoreSettings withTokenLifetime(Duration lifetime) {
        return new CoreSettings(lifetime, maxBodyBytes, rateWindow, rateLimits, demo, eventPoll, eventBatch);
    }

    public CoreSettings withEventBatch(int batch) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rateWindow, rateLimits, demo, eventPoll, batch);
    }

    public CoreSettings withEventPoll(Duration poll) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rateWindow, rateLimits, demo, poll, eventBatch);
    }

    public CoreSettings withRateLimits(Map<String, Integer> limits) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rateWindow, limits, demo, eventPoll, eventBatch);
    }
}
