package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** The reputation other plugins read: the member's points where reputation is on, nothing where it is off. */
class ReputationReaderTest {
    @Test
    void readsTheMembersReputationOnlyWhereReputationIsOn() throws Exception {
        try (Testbed bed = new Testbed(TestDatabases.h2()).install(Testbed.settings())) {
            Testbed.Member alice = bed.register("Alice");
            ReputationReader reader = new ReputationReader(bed.reputation);
            assertTrue(reader.reputationOf(bed.demo.id(), alice.id()).isEmpty(), "reputation off for the brand");
            bed.enable();
            bed.letEveryoneVote();
            Testbed.Member bob = bed.register("Bob");
            long q = bed.ask(alice, "Une question à voter");
            bed.vote(bob, q, 1);
            bed.settle();
            assertEquals(OptionalInt.of(bed.reputation(alice)), reader.reputationOf(bed.demo.id(), alice.id()));
            assertEquals(6, reader.reputationOf(bed.demo.id(), alice.id()).getAsInt(), "1 + 5 for the upvoted question");
        }
    }
}
