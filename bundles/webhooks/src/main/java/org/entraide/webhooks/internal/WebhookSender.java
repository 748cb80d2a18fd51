package org.entraide.webhooks.internal;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries, each endpoint independently of the others: a delivery is claimed in a short transaction
 * (locked with SKIP LOCKED, then leased by moving its next attempt past the attempt's whole budget), sent by a worker
 * within its time budget, and its outcome recorded in another short transaction, which also moves the endpoint's
 * circuit breaker. No database connection is held while a receiver answers.
 *
 * <p>Delivery is at least once: a node that dies between a receiver's answer and the recorded outcome leaves the
 * delivery due again when its lease ends, and it is sent again with the same X-Entraide-Event-Id, by which receivers
 * deduplicate. Nothing is lost: a delivery leaves PENDING only as DELIVERED, or FAILED after max.attempts.
 */
final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    /** A delivery this node claimed, with its endpoint as it was then. */
    private record Claimed(WebhookStore.Due due, WebhookStore.Endpoint endpoint) {
    }

    private final Transactions tx;
    private final WebhookStore store;
    private final WebhookSettings settings;
    private final UrlPolicy policy;
    private final Clock clock;
    private final ReceiverClient http;
    private final SendSlots slots;
    private final ExecutorService workers;
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean closed;

    WebhookSender(Transactions tx, WebhookStore store, WebhookSettings settings, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.settings = settings;
        this.policy = new UrlPolicy(settings.allowHttp(), settings.addressCheck());
        this.clock = clock;
        this.http = new ReceiverClient(settings.addressCheck(), settings.timeout());
        this.slots = new SendSlots(settings.limits().threads(), settings.limits().perEndpoint());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.limits().threads(), r -> {
            Thread t = new Thread(r, "webhooks-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts every due delivery that the slots allow. Called by the poll timer and by each worker that frees a slot;
     * calls that arrive while one runs make it look again instead of running beside it.
     */
    void dispatchDue() {
        wanted.set(true);
        while (!closed && wanted.get() && dispatching.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                claimAndStart();
            } finally {
                dispatching.set(false);
            }
        }
    }

    private void claimAndStart() {
        while (slots.anyFree() && !closed) {
            Set<Long> busy = slots.full();
            Claims claims = tx.inTransaction(c -> claim(c, busy));
            for (Claimed k : claims.claimed()) {
                slots.take(k.due().endpointId());
                start(k);
            }
            if (claims.seen() == 0) {
                return;
            }
        }
    }

    /** What one claiming transaction locked ({@code seen}) and leased ({@code claimed}). */
    private record Claims(int seen, List<Claimed> claimed) {
    }

    private Claims claim(Connection c, Set<Long> busy) throws SQLException {
        Instant now = clock.instant();
        SendSlots.Plan plan = slots.plan();
        List<WebhookStore.Due> due = store.lockDue(c, now, busy, BATCH);
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookStore.Due d : due) {
            if (plan.reserve(d.endpointId())) {
                store.lease(c, d.id(), now.plus(settings.lease()));
                claimed.add(new Claimed(d, store.endpoint(c, d.endpointId())));
            }
        }
        return new Claims(due.size(), claimed);
    }

    private void start(Claimed k) {
        try {
            workers.execute(() -> attempt(k));
        } catch (RejectedExecutionException e) {
            // closing: the lease ends and the delivery is due again for whichever node runs next
            slots.give(k.due().endpointId());
        }
    }

    private void attempt(Claimed k) {
        WebhookStore.Due d = k.due();
        WebhookStore.Endpoint e = k.endpoint();
        try {
            ReceiverClient.Outcome o = e.active() ? send(e, d) : new ReceiverClient.Outcome(null, "endpoint deleted");
            if (closed) {
                return;   // cut short by close(): not the receiver's fault; the lease ends and it is sent again
            }
            tx.inTransaction(c -> {
                record(c, e, d, o);
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.warn("Webhook delivery {} could not be recorded; it is sent again when its lease ends", d.id(), ex);
        } finally {
            slots.give(d.endpointId());
        }
        if (!closed) {
            dispatchDue();
        }
    }

    private void record(Connection c, WebhookStore.Endpoint e, WebhookStore.Due d, ReceiverClient.Outcome o) throws SQLException {
        int attempts = d.attempts() + 1;
        Instant now = clock.instant();
        if (o.ok()) {
            store.record(c, d.id(), "DELIVERED", attempts, o.status(), null, now, now);
            store.endpointSucceeded(c, e.id());
            return;
        }
        if (e.active()) {
            SendLimits limits = settings.limits();
            store.endpointFailed(c, e.id(), limits.circuitFailures(), now.plus(limits.circuitOpen()));
            if (e.consecutiveFailures() + 1 == limits.circuitFailures()) {
                LOG.warn("Webhook {} failed {} times in a row: its deliveries wait {} s", e.id(), limits.circuitFailures(),
                    limits.circuitOpen().toSeconds());
            }
        }
        if (attempts >= settings.maxAttempts() || !e.active()) {
            LOG.warn("Webhook delivery {} of event {} failed for good: {}", d.id(), d.eventId(), o.error());
            store.record(c, d.id(), "FAILED", attempts, o.status(), o.error(), now, null);
        } else {
            store.record(c, d.id(), "PENDING", attempts, o.status(), o.error(), now.plus(settings.retryAfter(attempts)), null);
        }
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

    /**
     * Stops sending; deliveries in flight are abandoned to their leases, so they are sent again later, never lost.
     * Workers are not interrupted: an interrupt inside a JDBC call closes an embedded H2 database.
     */
    @Override
    public void close() {
        closed = true;
        http.close();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
