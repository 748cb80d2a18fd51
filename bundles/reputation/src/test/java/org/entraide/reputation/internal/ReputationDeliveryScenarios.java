package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventTypes;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.jdbc.Sql;
import org.entraide.reputation.internal.events.EventApplier;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How events reach the ledger: concurrent votes, a failure halfway through an event, an event delivered
 * twice, and an install on a brand that already has a history.
 */
abstract class ReputationDeliveryScenarios {
    Testbed bed;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource());
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    @Test
    void concurrentVotesOnOnePostAreEachAppliedOnce() throws Exception {
        bed.install(Testbed.settings()).enable().letEveryoneVote();
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        long q = bed.ask(alice, "Comment isoler des combles perdus ?");
        long a = bed.answer(bob, q);
        List<Testbed.Member> voters = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            voters.add(bed.register("Voter"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            all(pool, voters.stream().map(v -> (Callable<Void>) () -> {
                bed.vote(v, a, 1);
                return null;
            }).toList());
            all(pool, voters.subList(0, 8).stream().map(v -> (Callable<Void>) () -> {
                bed.vote(v, a, 0);
                return null;
            }).toList());
        } finally {
            pool.shutdown();
        }
        bed.settle();
        assertEquals(1 + 8 * 10, bed.reputation(bob), "16 upvotes, 8 of them retracted");
        assertEquals(16, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE user_id = ? AND reverses_id IS NULL", bob.id()));
        assertEquals(8, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE user_id = ? AND reverses_id IS NOT NULL",
            bob.id()));
    }

    @Test
    void aFailureHalfwayThroughAnEventLeavesNoTraceAndTheRetryAppliesItOnce() throws Exception {
        bed.install(Testbed.settings()).enable().letEveryoneVote();
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        bed.settle();
        AtomicInteger failures = new AtomicInteger();
        bed.server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                // the ledger entries are written, then the delivery fails: as if the node died before commit
                from("direct:test.flaky").routeId("test.flaky").to(ReputationSubscriber.ENDPOINT).process(e -> {
                    DomainEvent ev = e.getIn().getBody(DomainEvent.class);
                    if (EventTypes.VOTE_CAST.equals(ev.type()) && failures.getAndIncrement() < 2) {
                        throw new IllegalStateException("crash after applying event " + ev.id());
                    }
                });
            }
        });
        bed.server.core.dispatcher.register(new SubscriberDescriptor(ReputationSubscriber.NAME, null, "direct:test.flaky",
            StartFrom.BEGINNING, EventApplier.TYPES, 10));
        long q = bed.ask(alice, "Quel enduit pour une fissure ?");
        bed.vote(bob, q, 1);
        bed.settle();
        assertEquals(3, failures.get(), "failed twice, then applied");
        assertEquals(1 + 5, bed.reputation(alice), "applied exactly once");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE post_id = ?", q));
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'reputation.changed' AND subject_id = ?",
            alice.id()), "the announcement of the rolled-back attempts is gone with them");
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        bed.install(Testbed.settings()).enable().letEveryoneVote();
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        long q = bed.ask(alice, "Comment régler une porte qui frotte ?");
        long a = bed.answer(bob, q);
        bed.vote(alice, a, 1);
        bed.accept(alice, q, a);
        bed.settle();
        assertEquals(26, bed.reputation(bob));
        ProducerTemplate template = bed.server.camel().createProducerTemplate();
        try {
            for (String type : List.of(EventTypes.VOTE_CAST, EventTypes.ANSWER_ACCEPTED)) {
                DomainEvent event = bed.server.core.db.inTransaction(c -> bed.server.core.eventStore.byId(c,
                    Sql.count(c, "SELECT MAX(id) FROM domain_event WHERE event_type = ?", type)).event());
                bed.server.core.db.inTransaction(c -> template.requestBody(ReputationSubscriber.ENDPOINT, event));
            }
        } finally {
            template.stop();
        }
        assertEquals(26, bed.reputation(bob), "the journals recognise events already applied");
        assertEquals(3, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE post_id = ?", a));
    }

    @Test
    void installingOnABrandWithHistoryComputesEveryonesReputationFromThePast() throws Exception {
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        Testbed.Member carol = bed.register("Carol");
        long q = bed.ask(alice, "Faut-il poncer avant de vernir ?");
        long a = bed.answer(bob, q);
        bed.vote(carol, a, 1);
        bed.vote(alice, a, 1);
        bed.vote(carol, a, -1);
        bed.vote(carol, q, 1);
        bed.vote(carol, q, 0);
        bed.accept(alice, q, a);

        bed.install(Testbed.settings()).enable();
        bed.settle();
        Testbed.Member lucas = bed.member("lucas@demo.example");
        Testbed.Member camille = bed.member("customer@demo.example");
        assertEquals(1 + 10 + 15 + 5, bed.reputation(lucas), "the demo's past: an upvoted, accepted answer and a question");
        assertEquals(1 + 2, bed.reputation(camille));
        assertEquals(1 + 10 + 15 - 2, bed.reputation(bob), "upvote, upvote changed to downvote, acceptance");
        assertEquals(1 + 2, bed.reputation(alice), "the retracted upvote left nothing");
        assertEquals(1, bed.reputation(carol), "an upvote changed to a downvote of an answer costs 1; the floor holds");
    }

    @Test
    void aBrandThatEnablesReputationLaterFindsItsLedgerCompleteAndHeardNothingBefore() throws Exception {
        bed.install(Testbed.settings());
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        long q = bed.ask(alice, "Peut-on peindre du carrelage ?");
        bed.vote(bob, q, 1);
        bed.settle();
        assertEquals(404, bed.http.get(Testbed.DEMO + "/users/" + alice.id() + "/reputation", null).status(),
            "a brand that did not enable reputation has no such endpoint");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type LIKE 'reputation.%'"),
            "nor hears about it");
        bed.enable();
        assertEquals(6, bed.reputation(alice), "the ledger was kept all along");
    }

    @Test
    void anUninstalledPluginCatchesUpWhenInstalledAgain() throws Exception {
        bed.install(Testbed.settings()).enable().letEveryoneVote();
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        long q = bed.ask(alice, "Comment changer un joint de robinet ?");
        bed.settle();
        bed.server.core.dispatcher.unregister(ReputationSubscriber.NAME);
        bed.vote(bob, q, 1);
        bed.server.core.dispatcher.register(bed.reputation.subscriber.descriptor());
        bed.settle();
        assertEquals(6, bed.reputation(alice), "the vote cast while it was away is applied on its return");
    }

    private static void all(ExecutorService pool, List<Callable<Void>> tasks) throws Exception {
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }
}
