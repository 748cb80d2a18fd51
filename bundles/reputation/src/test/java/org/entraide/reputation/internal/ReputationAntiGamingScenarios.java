package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Http;
import org.entraide.reputation.internal.gaming.RingRules;
import org.entraide.reputation.internal.gaming.SerialCase;
import org.entraide.reputation.internal.gaming.SerialVotingRules;
import org.entraide.reputation.internal.gaming.VoteCounting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anti-gaming: votes of new accounts, serial voting reversed by the job, voting rings reported. */
abstract class ReputationAntiGamingScenarios {
    Testbed bed;
    Testbed.Member moderator;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource());
        moderator = bed.member("moderator@demo.example");
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    List<Long> questions(Testbed.Member author, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(bed.ask(author, "Question " + i + " de " + author.id() + " sur le bricolage"));
        }
        return ids;
    }

    @Test
    void votesOfAccountsTooYoungDoNotCountButStaffVotesDo() throws Exception {
        bed.install(Testbed.settings().withVoteCounting(new VoteCounting(Duration.ofHours(1), true))).enable();
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        long q = bed.ask(alice, "Comment purger un radiateur ?");
        bed.accept(alice, q, bed.answer(bob, q));
        bed.settle();
        assertEquals(16, bed.reputation(bob), "an accepted answer is not a vote: it counts at once");
        Http.Response vote = bed.http.post(Testbed.DEMO + "/posts/" + q + "/votes", bob.token(), "{\"value\":1}");
        assertEquals(200, vote.status(), "16 reaches the vote-up threshold: the vote is allowed...");
        bed.settle();
        assertEquals(3, bed.reputation(alice), "...but an account younger than an hour does not give points");
        bed.vote(moderator, q, 1);
        bed.settle();
        assertEquals(8, bed.reputation(alice), "staff votes count whatever the account's age");
    }

    @Test
    void anAccountOldEnoughGivesPoints() throws Exception {
        bed.install(Testbed.settings().withVoteCounting(new VoteCounting(Duration.ofSeconds(2), false))).enable().letEveryoneVote();
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member bob = bed.register("Bob");
        long q = bed.ask(alice, "Comment remplacer une prise ?");
        bed.vote(bob, q, 1);
        bed.settle();
        assertEquals(1, bed.reputation(alice));
        Awaitility.await().pollDelay(Duration.ofMillis(2100)).until(() -> true);
        bed.vote(bob, q, 0);
        bed.vote(bob, q, 1);
        bed.settle();
        assertEquals(6, bed.reputation(alice), "two seconds later, the same account's vote counts");
    }

    @Test
    void votesCastBelowTheThresholdWhileNothingWasGatedDoNotCount() throws Exception {
        bed.install(Testbed.settings().withVoteCounting(new VoteCounting(Duration.ZERO, true)));
        Testbed.Member alice = bed.register("Alice");
        Testbed.Member carol = bed.register("Carol");
        long q = bed.ask(alice, "Comment détartrer une bouilloire ?");
        assertEquals(200, bed.http.post(Testbed.DEMO + "/posts/" + q + "/votes", carol.token(), "{\"value\":1}").status(),
            "reputation is disabled: nothing is gated");
        bed.settle();
        bed.enable();
        assertEquals(1, bed.reputation(alice), "carol had 1 reputation, not the 15 that voting up needs");
        assertEquals(16, bed.reputation(bed.member("lucas@demo.example")),
            "the demo's lucas keeps his accepted answer, not the upvotes of a member who could not vote");
    }

    @Test
    void serialVotingIsReversedByTheJobAndShownToModerators() throws Exception {
        bed.install(Testbed.settings()).enable().letEveryoneVote();
        Testbed.Member fan = bed.register("Fan");
        Testbed.Member idol = bed.register("Idol");
        Testbed.Member other = bed.register("Other");
        for (long q : questions(idol, 11)) {
            bed.vote(fan, q, 1);
        }
        bed.vote(fan, bed.ask(other, "Une question d'un autre membre"), 1);
        bed.settle();
        assertEquals(56, bed.reputation(idol));
        assertNotNull(bed.server.camel().getRoute("reputation.serial-voting"), "the job's timer route is installed");

        bed.reputation.serialVotingJob.tick();
        List<SerialCase> cases = bed.server.core.db.inTransaction(c -> bed.reputation.serialVotingJob.cases(c, bed.demo.id(), 10));
        assertEquals(1, cases.size(), cases.toString());
        assertEquals("burst", cases.get(0).pattern());
        assertEquals(11, cases.get(0).votes());
        assertEquals(55, cases.get(0).pointsReversed());
        assertEquals(1, bed.reputation(idol), "the serial votes are taken back");
        assertEquals(6, bed.reputation(other), "the fan's other vote stands");
        assertEquals(11, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE user_id = ? AND reversal_cause = 'serial-voting'",
            idol.id()));

        Http.Response report = bed.http.get(Testbed.DEMO + "/reputation/serial-voting", moderator.token());
        assertEquals(200, report.status(), report.toString());
        assertEquals(0, report.json().get("suspects").size(), "reversed votes are no longer suspects");
        assertEquals(fan.id(), report.json().get("reversed").get(0).get("voterId").asLong());
        assertEquals(403, bed.http.get(Testbed.DEMO + "/reputation/serial-voting", fan.token()).status());
        JsonNode dry = bed.http.post(Testbed.DEMO + "/reputation/recomputations", bed.admin, "{\"dryRun\":true}").json();
        assertEquals(0, dry.get("gains").size(), "a recomputation does not count the reversed votes again: " + dry);
        bed.reputation.serialVotingJob.tick();
        assertEquals(1, bed.server.core.db.inTransaction(c ->
            bed.reputation.serialVotingJob.cases(c, bed.demo.id(), 10)).size(), "the job waits for its period");
    }

    @Test
    void aVoterWhoseVotesMostlyGoToOneAuthorIsASuspect() throws Exception {
        bed.install(Testbed.settings().withSerialVoting(new SerialVotingRules(10, Duration.ofHours(24), 50, Duration.ofDays(30), 4),
            Duration.ofMinutes(60))).enable().letEveryoneVote();
        Testbed.Member fan = bed.register("Fan");
        Testbed.Member idol = bed.register("Idol");
        for (long q : questions(idol, 3)) {
            bed.vote(fan, q, 1);
        }
        bed.vote(fan, bed.ask(bed.register("Other"), "Une question d'un autre membre"), 1);
        bed.settle();
        JsonNode suspects = bed.http.get(Testbed.DEMO + "/reputation/serial-voting", moderator.token()).json().get("suspects");
        assertEquals(1, suspects.size(), suspects.toString());
        assertEquals("share", suspects.get(0).get("pattern").asText());
        assertEquals(idol.id(), suspects.get(0).get("authorId").asLong());
        assertEquals(3, suspects.get(0).get("votes").asInt());
        assertEquals(4, suspects.get(0).get("voterVotes").asInt());
    }

    @Test
    void votingRingsAreReportedWithoutSanction() throws Exception {
        bed.install(Testbed.settings().withRings(new RingRules(3, 80, Duration.ofDays(30), 5))).enable().letEveryoneVote();
        List<Testbed.Member> ring = List.of(bed.register("Ann"), bed.register("Ben"), bed.register("Cid"));
        Testbed.Member outsider = bed.register("Dan");
        Testbed.Member popular = bed.register("Eve");
        List<List<Long>> posts = new ArrayList<>();
        for (Testbed.Member m : ring) {
            posts.add(questions(m, 3));
        }
        for (int voter = 0; voter < 3; voter++) {
            for (int author = 0; author < 3; author++) {
                if (voter != author) {
                    for (long q : posts.get(author)) {
                        bed.vote(ring.get(voter), q, 1);
                    }
                }
            }
        }
        bed.vote(outsider, posts.get(0).get(0), 1);
        for (long q : questions(popular, 5)) {
            bed.vote(outsider, q, 1);
        }
        bed.settle();
        int before = bed.reputation(ring.get(0));
        Http.Response report = bed.http.get(Testbed.DEMO + "/reputation/voting-rings", moderator.token());
        assertEquals(200, report.status(), report.toString());
        JsonNode rings = report.json().get("items");
        assertEquals(1, rings.size(), rings.toString());
        JsonNode members = rings.get(0).get("members");
        assertEquals(List.of(ring.get(0).id(), ring.get(1).id(), ring.get(2).id()),
            List.of(members.get(0).get("userId").asLong(), members.get(1).get("userId").asLong(),
                members.get(2).get("userId").asLong()), "the outsider's votes mostly go elsewhere: " + rings);
        assertEquals(100, members.get(0).get("percentInside").asInt());
        assertEquals(6, members.get(0).get("votes").asInt());
        assertEquals(before, bed.reputation(ring.get(0)), "a report, not a sanction");
        assertTrue(before > 1);
        assertEquals(403, bed.http.get(Testbed.DEMO + "/reputation/voting-rings", outsider.token()).status());
    }
}
