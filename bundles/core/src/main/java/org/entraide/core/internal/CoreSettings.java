package org.entraide.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.entraide.core.internal.mail.MailSettings;
import org.entraide.core.internal.ratelimit.RatePolicy;

/** The tunable values of the core, read from the {@code org.entraide.core} configuration. */
public record CoreSettings(Duration tokenLifetime, int maxBodyBytes, RatePolicy rates, List<String> trustedProxies,
                           boolean demo, Duration eventPoll, int eventBatch, MailSettings mail) {
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
        trustedProxies = List.copyOf(trustedProxies);
        if (mail == null) {
            mail = MailSettings.defaults();
        }
    }

    public static CoreSettings defaults() {
        return new CoreSettings(Duration.ofHours(24), 64 * 1024, RatePolicy.defaults(), List.of("127.0.0.1", "::1"), false,
            Duration.ofMillis(100), 200, MailSettings.defaults());
    }

    public CoreSettings withDemo(boolean on) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rates, trustedProxies, on, eventPoll, eventBatch, mail);
    }

    public CoreSettings withMaxBodyBytes(int bytes) {
        return new CoreSettings(tokenLifetime, bytes, rates, trustedProxies, demo, eventPoll, eventBatch, mail);
    }

    public CoreSettings withTokenLifetime(Duration lifetime) {
        return new CoreSettings(lifetime, maxBodyBytes, rates, trustedProxies, demo, eventPoll, eventBatch, mail);
    }

    public CoreSettings withEventBatch(int batch) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rates, trustedProxies, demo, eventPoll, batch, mail);
    }

    public CoreSettings withEventPoll(Duration poll) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rates, trustedProxies, demo, poll, eventBatch, mail);
    }

    /** Replaces the allowances: an action missing from {@code limits} is not limited. */
    public CoreSettings withRateLimits(Map<String, Integer> limits) {
        return withRates(rates.withLimits(limits));
    }

    public CoreSettings withRates(RatePolicy policy) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, policy, trustedProxies, demo, eventPoll, eventBatch, mail);
    }

    public CoreSettings withTrustedProxies(List<String> proxies) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rates, proxies, demo, eventPoll, eventBatch, mail);
    }

    public CoreSettings withMail(MailSettings settings) {
        return new CoreSettings(tokenLifetime, maxBodyBytes, rates, trustedProxies, demo, eventPoll, eventBatch, settings);
    }
}
