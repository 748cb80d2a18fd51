package org.entraide.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.NewEvent;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.security.PasswordHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dispatch over a real database: the outbox trap (an earlier id committed after a later one), exactly-once
 * effects, retries with back-off, dead letters and replay, start positions. Subclasses pick the database.
 */
abstract class EventDispatchScenarios {
    /** A subscriber whose effect is a row per applied event, in the dispatcher's transaction. */
    final class RecordingSubscriber implements Deliverer {
        final List<Long> delivered = new ArrayList<>();
        volatile int failuresLeft;

        @Override
        public void deliver(String endpointUri, DomainEvent event) {
            delivered.add(event.id());
            core.db.inTransaction(c -> Sql.update(c, "INSERT INTO test_effect (subscriber, event_id) VALUES (?, ?)",
                endpointUri, event.id()));
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("subscriber failure");
            }
        }
    }

    DataSource dataSource;
    Core core;
    RecordingSubscriber subscriber;
    EventDispatcher dispatcher;

    abstract DataSource newDataSource();

    void dropDataSource(DataSource ds) {
    }

    @BeforeEach
    void start() {
        dataSource = newDataSource();
        core = new Core(dataSource, CoreSettings.defaults(), (u, p) -> false, new PasswordHasher(64, 1), Clock.systemUTC());
        core.db.inTransaction(c -> Sql.update(c, "CREATE TABLE test_effect (subscriber VARCHAR(64), event_id BIGINT)"));
        subscriber = new RecordingSubscriber();
        dispatcher = new EventDispatcher(core.db, core.eventStore, subscriber, (b, cap) -> true, Clock.systemUTC(), 50);
    }

    @AfterEach
    void stop() {
        dropDataSource(dataSource);
    }

    long append(Connection c, int i) {
        return core.events.append(c, NewEvent.of(1, "test.event", null, "test", i, Map.of("i", i)));
    }

    List<Long> effects(String subscriberUri) {
        return core.db.inTransaction(c -> Sql.list(c, "SELECT event_id FROM test_effect WHERE subscriber = ? ORDER BY event_id",
            rs -> rs.getLong(1), subscriberUri));
    }

    @Test
    void aSlowTransactionsEarlierEventIsNotSkipped() throws Exception {
        dispatcher.register(new SubscriberDescriptor("slow-test", null, "direct:slow", StartFrom.BEGINNING, Set.of(), 3));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> core.db.inTransaction(c -> {
            long id = append(c, 1);
            appended.countDown();
            release.await(30, TimeUnit.SECONDS);
            return id;
        }));
        assertTrue(appended.await(30, TimeUnit.SECONDS));
        long fast = core.db.inTransaction(c -> append(c, 2));
        dispatcher.runOnce();
        assertEquals(List.of(fast), effects("direct:slow"), "only the committed, later event is applied so far");
        release.countDown();
        long earlier = slow.get(30, TimeUnit.SECONDS);
        assertTrue(earlier < fast, "the slow transaction got the smaller id");
        dispatcher.runOnce();
        assertEquals(Set.of(fast, earlier), Set.copyOf(effects("direct:slow")),
            "the earlier id, committed later, is applied too");
    }

    @Test
    void effectsAreAppliedOnceAndFailuresRetriedThenParked() {
        dispatcher.register(new SubscriberDescriptor("flaky-test", null, "direct:flaky", StartFrom.BEGINNING, Set.of(), 2));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            ids.add(core.db.inTransaction(c -> append(c, n)));
        }
        subscriber.failuresLeft = 1;
        dispatcher.runOnce();
        assertEquals(List.of(), effects("direct:flaky"), "the failing event's effect is rolled back");
        core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET retry_at = NULL WHERE name = 'flaky-test'"));
        dispatcher.runOnce();
        assertEquals(ids, effects("direct:flaky"), "after the retry every event is applied exactly once");

        long poison = core.db.inTransaction(c -> append(c, 99));
        subscriber.failuresLeft = 2;
        dispatcher.runOnce();
        core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET retry_at = NULL WHERE name = 'flaky-test'"));
        dispatcher.runOnce();
        DeadLetters dead = new DeadLetters(core.db, core.eventStore, dispatcher, subscriber, Clock.systemUTC());
        List<DeadLetters.DeadLetter> parked = dead.pending("flaky-test");
        assertEquals(1, parked.size(), "the event failing maxAttempts times is parked");
        assertEquals(poison, parked.get(0).eventId());
        assertEquals(ids, effects("direct:flaky"), "a parked event has no effect");
        long next = core.db.inTransaction(c -> append(c, 100));
        dispatcher.runOnce();
        assertTrue(effects("direct:flaky").contains(next), "the subscriber goes on after parking");
        dead.replay(parked.get(0).id());
        assertTrue(effects("direct:flaky").contains(poison), "replay applies the parked event");
        assertEquals(0, dead.pending("flaky-test").size());
    }

    @Test
    void aNewSubscriberStartsNowOrFromTheBeginning() {
        long old = core.db.inTransaction(c -> append(c, 1));
        dispatcher.register(new SubscriberDescriptor("from-now", null, "direct:now", StartFrom.NOW, Set.of(), 3));
        dispatcher.register(new SubscriberDescriptor("from-start", null, "direct:start", StartFrom.BEGINNING, Set.of(), 3));
        long fresh = core.db.inTransaction(c -> append(c, 2));
        dispatcher.runOnce();
        assertEquals(List.of(fresh), effects("direct:now"), "NOW skips history");
        assertEquals(List.of(old, fresh), effects("direct:start"), "BEGINNING replays history");
    }

    @Test
    void disabledCapabilityAndUnwantedTypesAreSkipped() {
        EventDispatcher gated = new EventDispatcher(core.db, core.eventStore, subscriber,
            (brand, cap) -> brand != 2, Clock.systemUTC(), 50);
        gated.register(new SubscriberDescriptor("gated", "thing", "direct:gated", StartFrom.BEGINNING, Set.of("test.event"), 3));
        long b1 = core.db.inTransaction(c -> append(c, 1));
        core.db.inTransaction(c -> core.events.append(c, NewEvent.of(2, "test.event", null, "test", 5, Map.of())));
        core.db.inTransaction(c -> core.events.append(c, NewEvent.of(1, "other.event", null, "test", 6, Map.of())));
        gated.runOnce();
        assertEquals(List.of(b1), effects("direct:gated"));
        long lag = core.monitor.subscribers().stream().filter(s -> s.name().equals("gated")).findFirst().orElseThrow().lag();
        assertEquals(0, lag, "skipped events still move the position");
    }

    /**
     * A capability's subscriber gets a brand's events from the time the brand turned it on, not its past, even when
     * the subscriber reads the log from the beginning after the choice; a choice dated from the brand's creation (the
     * demo brand's) takes in its history; enabling again keeps the first time, and an existing choice stands.
     */
    @Test
    void aCapabilityGetsTheEventsOfTheTimeTheBrandHadItOn() throws Exception {
        org.entraide.api.model.Brand late = core.administration.createBrand("late", "Late", "admin@late.example",
            "correct-horse-battery", "Admin-Late");
        org.entraide.api.model.Brand early = core.administration.createBrand("early", "Early", "admin@early.example",
            "correct-horse-battery", "Admin-Early");
        core.capabilities.install(new org.entraide.api.plugin.Capability() {
            @Override
            public String name() {
                return "thing";
            }

            @Override
            public String description() {
                return "a test capability";
            }
        });
        long before = core.db.inTransaction(c -> appendFor(c, late.id(), 1));
        long history = core.db.inTransaction(c -> appendFor(c, early.id(), 2));
        Thread.sleep(20);
        core.capabilities.setDirectly(late.id(), "thing", true);
        assertTrue(core.capabilities.enableUnlessChosen(early.id(), "thing", java.time.Instant.EPOCH));
        Thread.sleep(20);
        long after = core.db.inTransaction(c -> appendFor(c, late.id(), 3));
        core.capabilities.setDirectly(late.id(), "thing", true);
        org.junit.jupiter.api.Assertions.assertFalse(core.capabilities.enableUnlessChosen(late.id(), "thing", java.time.Instant.EPOCH),
            "the brand's own choice stands");

        EventDispatcher gated = new EventDispatcher(core.db, core.eventStore, subscriber,
            (EventDispatcher.Gate) core.capabilities::enabledAt, Clock.systemUTC(), 50);
        gated.register(new SubscriberDescriptor("since", "thing", "direct:since", StartFrom.BEGINNING, Set.of("test.event"), 3));
        gated.runOnce();
        assertEquals(List.of(history, after), effects("direct:since"),
            "not event " + before + ", from before the brand turned the capability on");
    }

    long appendFor(Connection c, long brandId, int i) {
        return core.events.append(c, NewEvent.of(brandId, "test.event", null, "test", i, Map.of("i", i)));
    }
}
