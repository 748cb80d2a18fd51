package org.entraide.webhooks.internal;

import java.time.Duration;

/**
 * What keeps one receiver from delaying the others: at most {@code threads} deliveries in flight on a node, at most
 * {@code perEndpoint} of them to one endpoint, and a circuit that opens for {@code circuitOpen} after
 * {@code circuitFailures} consecutive failures of an endpoint.
 */
public record SendLimits(int threads, int perEndpoint, int circuitFailures, Duration circuitOpen) {
    public static final SendLimits DEFAULTS = new SendLimits(16, 2, 5, Duration.ofSeconds(60));

    public SendLimits {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("send.threads must be from 1 to 256");
        }
        if (perEndpoint < 1 || perEndpoint > threads) {
            throw new IllegalArgumentException("endpoint.concurrency must be from 1 to send.threads");
        }
        if (circuitFailures < 1) {
            throw new IllegalArgumentException("circuit.failures must be at least 1");
        }
        if (circuitOpen.isNegative() || circuitOpen.isZero()) {
            throw new IllegalArgumentException("circuit.open.seconds must be positive");
        }
    }
}
