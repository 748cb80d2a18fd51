package org.entraide.webhooks.internal;

import java.time.Duration;

/** Validated settings; an invalid value names its key. */
public record WebhookSettings(Duration poll, Duration timeout, int maxAttempts, Duration retryBase, boolean allowHttp,
                              InternalTargets internalTargets, SendLimits limits) {
    public WebhookSettings {
        if (poll.toMillis() < 50) {
            throw new IllegalArgumentException("send.poll.millis must be at least 50");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("send.timeout.seconds must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max.attempts must be at least 1");
        }
        if (retryBase.toMillis() < 1) {
            throw new IllegalArgumentException("retry.base.millis must be positive");
        }
    }

    /** With the default {@link SendLimits}. */
    public WebhookSettings(Duration poll, Duration timeout, int maxAttempts, Duration retryBase, boolean allowHttp,
                           InternalTargets internalTargets) {
        this(poll, timeout, maxAttempts, retryBase, allowHttp, internalTargets, SendLimits.DEFAULTS);
    }

    static WebhookSettings of(WebhooksConfig c) {
        return new WebhookSettings(Duration.ofMillis(c.send_poll_millis()), Duration.ofSeconds(c.send_timeout_seconds()),
            c.max_attempts(), Duration.ofMillis(c.retry_base_millis()), c.allow_insecure_http(),
            InternalTargets.parse(c.allowed_internal_targets()), new SendLimits(c.send_threads(), c.endpoint_concurrency(),
            c.circuit_failures(), Duration.ofSeconds(c.circuit_open_seconds())));
    }

    /**
     * How long a claimed delivery stays out of other senders' sight: the attempt's whole budget plus a margin for
     * recording its outcome. A node that dies mid-attempt leaves it due again once this has passed.
     */
    Duration lease() {
        return timeout.plusSeconds(60);
    }

    AddressCheck addressCheck() {
        return new AddressCheck(internalTargets);
    }

    /** Retry delay after {@code attempts} failures: base, 2 × base, 4 × base... at most one hour. */
    Duration retryAfter(int attempts) {
        long millis = retryBase.toMillis() << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, 3_600_000));
    }
}
