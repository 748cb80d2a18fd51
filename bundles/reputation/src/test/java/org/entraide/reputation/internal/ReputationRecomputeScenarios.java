package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recomputation: the past scored again with the brand's current table, reported first by a dry run. */
abstract class ReputationRecomputeScenarios {
    static final String RECOMPUTE = Testbed.DEMO + "/reputation/recomputations";

    Testbed bed;
    Testbed.Member alice;
    Testbed.Member bob;
    Testbed.Member carol;
    long question;
    long answer;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource()).install(Testbed.settings()).enable();
        bed.letEveryoneVote();
        alice = bed.register("Alice");
        bob = bed.register("Bob");
        carol = bed.register("Carol");
        question = bed.ask(alice, "Comment réparer une chasse d'eau ?");
        answer = bed.answer(bob, question);
        long other = bed.answer(carol, question);
        bed.vote(carol, answer, 1);
        bed.vote(alice, answer, 1);
        bed.vote(carol, question, 1);
        bed.vote(carol, question, -1);
        bed.vote(bob, other, -1);
        bed.accept(alice, question, other);
        bed.accept(alice, question, answer);
        bed.settle();
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    Http.Response recompute(String token, boolean dryRun) {
        return bed.http.post(RECOMPUTE, token, "{\"dryRun\":" + dryRun + "}");
    }

    static JsonNode member(JsonNode differences, long userId) {
        for (JsonNode d : differences) {
            if (d.get("userId").asLong() == userId) {
                return d;
            }
        }
        throw new AssertionError("no member " + userId + " in " + differences);
    }

    @Test
    void withAnUnchangedTableNobodyGainsOrLoses() {
        int bobBefore = bed.reputation(bob);
        assertEquals(1 + 10 + 10 + 15 - 1, bobBefore);
        Http.Response dry = recompute(bed.admin, true);
        assertEquals(200, dry.status(), dry.toString());
        assertEquals(0, dry.json().get("gains").size(), dry.toString());
        assertEquals(0, dry.json().get("losses").size(), dry.toString());
        Http.Response done = recompute(bed.admin, false);
        assertEquals(200, done.status(), done.toString());
        assertEquals(bobBefore, bed.reputation(bob));
        assertEquals(2 + 4, done.json().get("votes").asInt(), "the demo's two, then two up on the answer, one down on each post");
        assertEquals(1 + 1, done.json().get("acceptances").asInt());
        assertEquals(0, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE reverses_id IS NOT NULL AND user_id = ?",
            bob.id()), "the rebuilt ledger holds what stands, not what was taken back");
    }

    @Test
    void aChangedTableIsReportedByADryRunThenApplied() {
        long entries = bed.count("SELECT COUNT(*) FROM reputation_entry");
        bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-upvoted\":20,\"acceptance-given\":0}");
        Http.Response dry = recompute(bed.admin, true);
        assertEquals(200, dry.status(), dry.toString());
        assertTrue(dry.json().get("dryRun").asBoolean());
        JsonNode gain = dry.json().get("gains").get(0);
        assertEquals(bob.id(), gain.get("userId").asLong(), "the biggest gain first: " + dry);
        assertEquals(35, gain.get("before").asInt());
        assertEquals(35 + 20, gain.get("after").asInt(), "+10 more on each of two upvotes");
        assertTrue(gain.get("pseudonym").asText().startsWith("Bob"));
        JsonNode loss = member(dry.json().get("losses"), alice.id());
        assertEquals(3, loss.get("before").asInt(), "alice had 2 for the acceptance she gave");
        assertEquals(1, loss.get("after").asInt(), "which is now worth nothing");
        assertEquals(41, member(dry.json().get("gains"), bed.member("lucas@demo.example").id()).get("after").asInt(),
            "the demo's lucas: one upvoted answer");
        assertEquals(4, dry.json().get("gains").size() + dry.json().get("losses").size(), "and the demo's camille: " + dry);
        assertEquals(35, bed.reputation(bob), "a dry run writes nothing");
        assertEquals(entries, bed.count("SELECT COUNT(*) FROM reputation_entry"));

        Http.Response applied = recompute(bed.admin, false);
        assertEquals(200, applied.status(), applied.toString());
        assertEquals(55, bed.reputation(bob));
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'reputation.changed' "
            + "AND subject_id = ? AND payload LIKE '%recomputed%'", bob.id()), "other plugins hear of it");
        bed.settle();
        bed.vote(carol, answer, 0);
        bed.settle();
        assertEquals(35, bed.reputation(bob), "a retraction after recomputation takes back what the recomputation gave");
    }

    @Test
    void onlyBrandAdminsRecompute() {
        assertEquals(403, recompute(alice.token(), true).status());
        assertEquals(403, recompute(bed.member("moderator@demo.example").token(), true).status());
        assertEquals(401, recompute(null, true).status());
        assertEquals(400, bed.http.post(RECOMPUTE, bed.admin, "{\"dryRun\":\"yes\"}").status());
    }

    @Test
    void votesDuringARecomputationAreAppliedAfterIt() throws Exception {
        List<Testbed.Member> voters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            voters.add(bed.register("Voter"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Testbed.Member v : voters) {
                running.add(pool.submit(() -> bed.vote(v, question, 1)));
            }
            running.add(pool.submit(() -> recompute(bed.admin, false)));
            running.add(pool.submit(() -> recompute(bed.admin, false)));
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        bed.settle();
        assertEquals(3 + 10 * 5, bed.reputation(alice), "every vote counted once, recomputed or not");
        Http.Response dry = recompute(bed.admin, true);
        assertEquals(0, dry.json().get("gains").size() + dry.json().get("losses").size(),
            "the ledger agrees with a fresh recomputation: " + dry);
    }
}
