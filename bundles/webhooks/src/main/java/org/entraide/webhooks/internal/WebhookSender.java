package org.entraide.webhooks.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries. Each one is locked (SKIP LOCKED) while it is sent, so several nodes never send it twice at
 * once; a receiver may still see an event twice after a crash between its answer and our commit (at least once:
 * receivers deduplicate with X-Entraide-Event-Id).
 */
final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    private final Transactions tx;
    private final WebhookStore store;
    private final WebhookSettings settings;
    private final UrlPolicy policy;
    private final Clock clock;
    private final ReceiverClient http;

    WebhookSender(Transactions tx, WebhookStore store, WebhookSettings settings, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.settings = settings;
        this.policy = new UrlPolicy(settings.allowHttp(), settings.addressCheck());
        this.clock = clock;
        this.http = new ReceiverClient(settings.addressCheck(), settings.timeout());
    }

    /** Sends one batch of due deliveries. @return how many were attempted */
    int sendDue() {
        return tx.inTransaction(c -> {
            List<WebhookStore.Due> due = store.lockDue(c, clock.instant(), BATCH);
            for (WebhookStore.Due d : due) {
                WebhookStore.Endpoint e = store.endpoint(c, d.endpointId());
                ReceiverClient.Outcome o = e.active() ? send(e, d) : new ReceiverClient.Outcome(null, "endpoint deleted");
                int attempts = d.attempts() + 1;
                Instant now = clock.instant();
                if (o.ok()) {
                    store.record(c, d.id(), "DELIVERED", attempts, o.status(), null, now, now);
                } else if (attempts >= settings.maxAttempts() || !e.active()) {
                    LOG.warn("Webhook delivery {} of event {} failed for good: {}", d.id(), d.eventId(), o.error());
                    store.record(c, d.id(), "FAILED", attempts, o.status(), o.error(), now, null);
                } else {
                    store.record(c, d.id(), "PENDING", attempts, o.status(), o.error(), now.plus(settings.retryAfter(attempts)), null);
                }
            }
            return due.size();
        });
    }

    private ReceiverClient.Outcome send(WebhookStore.Endpoint e, WebhookStore.Due d) {
        URI uri;
        try {
            uri = policy.parse(e.url());
        } catch (ProblemException pe) {
            return new ReceiverClient.Outcome(null, pe.detail());
        }
        long timestamp = clock.instant().getEpochSecond();
        return http.post(uri, Map.of("X-Entraide-Event-Id", String.valueOf(d.eventId()),
            "X-Entraide-Event-Type", d.eventType(),
            "X-Entraide-Timestamp", String.valueOf(timestamp),
            "X-Entraide-Signature", Signature.sign(e.secret(), timestamp, d.body())), d.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
