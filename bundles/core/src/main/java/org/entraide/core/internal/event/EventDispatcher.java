package org.entraide.core.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed events to subscribers, in sequence order, at least once, and applies their database
 * effects exactly once: each batch runs in one transaction that also moves the subscriber's position, and a
 * subscriber's row is locked with SKIP LOCKED so that, across nodes, one node at a time serves it. A failing
 * event is retried with exponential back-off, then parked as a dead letter; other subscribers go on.
 */
public final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int SEQUENCE_BATCH = 1000;

    private final Database db;
    private final EventStore store;
    private final Deliverer deliverer;
    private final Gate gate;
    private final Clock clock;
    private final int batch;
    private final Map<String, SubscriberDescriptor> subscribers = new ConcurrentHashMap<>();
    private final Throughput throughput;

    /**
     * Whether an event of a brand, that happened at a time, goes to a capability's subscriber: the brand had the
     * capability on then and has it on now (Capabilities#enabledAt).
     */
    @FunctionalInterface
    public interface Gate {
        boolean delivers(long brandId, String capability, Instant occurredAt);
    }

    /** A dispatcher that asks only whether the brand has the capability on now, whatever the event's time. */
    public EventDispatcher(Database db, EventStore store, Deliverer deliverer, BrandFeatures features, Clock clock, int batch) {
        this(db, store, deliverer, (Gate) (brand, capability, at) -> features.isEnabled(brand, capability), clock, batch);
    }

    public EventDispatcher(Database db, EventStore store, Deliverer deliverer, Gate gate, Clock clock, int batch) {
        this.db = db;
        this.store = store;
        this.deliverer = deliverer;
        this.gate = gate;
        this.clock = clock;
        this.batch = batch;
        this.throughput = new Throughput(clock);
    }

    /** A subscriber seen for the first time starts at the head (NOW) or at the first event (BEGINNING). */
    public void register(SubscriberDescriptor d) {
        db.inTransaction(c -> {
            store.sequence(c, SEQUENCE_BATCH);
            if (Sql.count(c, "SELECT COUNT(*) FROM event_subscriber WHERE name = ?", d.name()) == 0) {
                long start = d.startFrom() == StartFrom.BEGINNING ? 0 : store.head(c);
                Instant now = clock.instant();
                try {
                    Sql.update(c, "INSERT INTO event_subscriber (name, position, applied, failures, attempts, created_at, "
                        + "updated_at) VALUES (?, ?, 0, 0, 0, ?, ?)", d.name(), start, now, now);
                } catch (Sql.Failure e) {
                    if (!e.isUniqueViolation()) {
                        throw e;
                    }
                    // another node registered it at the same moment: its position stands
                }
            }
            return null;
        });
        subscribers.put(d.name(), d);
        LOG.info("Event subscriber {} registered ({} → {})", d.name(), d.startFrom(), d.endpointUri());
    }

    /** The subscriber's row and position stay: installed again, it goes on where it stopped. */
    public void unregister(String name) {
        subscribers.remove(name);
    }

    public Map<String, SubscriberDescriptor> subscribers() {
        return Map.copyOf(subscribers);
    }

    public Throughput throughput() {
        return throughput;
    }

    /** Sequences new events, then serves each subscriber one batch. @return events handled (applied or skipped) */
    public int runOnce() {
        db.inTransaction(c -> store.sequence(c, SEQUENCE_BATCH));
        int handled = 0;
        for (SubscriberDescriptor d : subscribers.values()) {
            try {
                handled += db.inTransaction(c -> dispatch(c, d));
            } catch (RuntimeException e) {
                LOG.error("Dispatch to {} failed", d.name(), e);
            }
        }
        return handled;
    }

    private int dispatch(Connection c, SubscriberDescriptor d) throws SQLException {
        SubscriberState s = Sql.one(c, "SELECT " + SubscriberState.COLUMNS + " FROM event_subscriber WHERE name = ? "
            + "FOR UPDATE SKIP LOCKED", SubscriberState::map, d.name()).orElse(null);
        Instant now = clock.instant();
        if (s == null || (s.retryAt() != null && s.retryAt().isAfter(now))) {
            return 0;
        }
        List<EventStore.Sequenced> events = store.after(c, s.position(), batch);
        long position = s.position();
        long applied = 0;
        long failures = 0;
        for (EventStore.Sequenced ev : events) {
            if (!d.wants(ev.event().type()) || !enabled(d, ev.event())) {
                position = ev.seq();
                continue;
            }
            Savepoint sp = c.setSavepoint();
            try {
                deliverer.deliver(d.endpointUri(), ev.event());
                c.releaseSavepoint(sp);
                position = ev.seq();
                applied++;
            } catch (Exception ex) {
                c.rollback(sp);
                failures++;
                int attempts = s.attempts() + 1;
                if (attempts < d.maxAttempts()) {
                    Instant retry = now.plus(backoff(attempts));
                    LOG.warn("Subscriber {} failed on event {} (attempt {}/{}), retry at {}: {}", d.name(), ev.event().id(),
                        attempts, d.maxAttempts(), retry, ex.toString());
                    save(c, d.name(), position, applied, failures, attempts, retry, ex.toString());
                    throughput.record(d.name(), applied);
                    return (int) applied;
                }
                LOG.error("Subscriber {} parked event {} after {} attempts", d.name(), ev.event().id(), attempts, ex);
                Sql.update(c, "INSERT INTO event_dead_letter (subscriber, event_id, attempts, error, parked_at) "
                    + "VALUES (?, ?, ?, ?, ?)", d.name(), ev.event().id(), attempts, truncate(ex.toString()), now);
                position = ev.seq();
                s = new SubscriberState(s.name(), position, s.applied(), s.failures(), 0, null, s.lastError());
            }
        }
        if (!events.isEmpty() || s.attempts() > 0) {
            save(c, d.name(), position, applied, failures, 0, null, failures > 0 ? s.lastError() : null);
        }
        throughput.record(d.name(), applied);
        return events.size();
    }

    private boolean enabled(SubscriberDescriptor d, org.entraide.api.event.DomainEvent e) {
        return d.capability() == null || gate.delivers(e.brandId(), d.capability(), e.occurredAt());
    }

    private void save(Connection c, String name, long position, long applied, long failures, int attempts, Instant retryAt,
                      String error) {
        Sql.update(c, "UPDATE event_subscriber SET position = ?, applied = applied + ?, failures = failures + ?, attempts = ?, "
                + "retry_at = ?, last_error = COALESCE(?, last_error), updated_at = ? WHERE name = ?",
            position, applied, failures, attempts, retryAt, error == null ? null : truncate(error), clock.instant(), name);
    }

    /** 200 ms, 400 ms, 800 ms... at most one minute. */
    static Duration backoff(int attempts) {
        long millis = 200L << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, 60_000));
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
