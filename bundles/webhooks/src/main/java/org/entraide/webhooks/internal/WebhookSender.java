package org.entraide.webhooks.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries. Each one is locked (SKIP LOCKED) while it is sent, so several nodes never send it twice at
 * once; a receiver may still see an event twice after a crash between its answer and our commit (at least once:
 * receivers deduplicate with X-Entraide-Event-Id).
 */
final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    private final Transactions tx;
    private final WebhookStore store;
    private final WebhookSettings settings;
    private final UrlPolicy policy;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(Transactions tx, WebhookStore store, WebhookSettings settings, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.settings = settings;
        this.policy = new UrlPolicy(settings.allowHttp(), settings.allowPrivate());
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends one batch of due deliveries. @return how many were attempted */
    int sendDue() {
        return tx.inTransaction(c -> {
            List<WebhookStore.Due> due = store.lockDue(c, clock.instant(), BATCH);
            for (WebhookStore.Due d : due) {
                WebhookStore.Endpoint e = store.endpoint(c, d.endpointId());
                Outcome o = e.active() ? send(e, d) : new Outcome(null, "endpoint deleted");
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

    /** The answer of one attempt. */
    record Outcome(Integer status, String error) {
        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Outcome send(WebhookStore.Endpoint e, WebhookStore.Due d) {
        try {
            URI uri = policy.check(e.url());
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Entraide-Webhooks")
                .header("X-Entraide-Event-Id", String.valueOf(d.eventId()))
                .header("X-Entraide-Event-Type", d.eventType())
                .header("X-Entraide-Timestamp", String.valueOf(timestamp))
                .header("X-Entraide-Signature", Signature.sign(e.secret(), timestamp, d.body()))
                .POST(HttpRequest.BodyPublishers.ofString(d.body())).build();
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(r.statusCode(), r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode());
        } catch (ProblemException pe) {
            return new Outcome(null, pe.detail());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (Exception ex) {
            return new Outcome(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }
}
