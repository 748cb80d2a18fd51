package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.knowledge.ArticlePromoted;
import org.entraide.core.internal.support.Http;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The points table applied by the event subscriber: what each action gives, takes, caps and reverses. */
abstract class ReputationLedgerScenarios {
    Testbed bed;
    Testbed.Member alice;
    Testbed.Member bob;
    Testbed.Member carol;

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
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    List<String> reasons(Testbed.Member m) {
        JsonNode items = bed.http.get(Testbed.DEMO + "/users/" + m.id() + "/reputation?size=100", null).json()
            .get("history").get("items");
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("reason").asText() + (i.get("reversal").asBoolean() ? "~" : "") + ":"
            + i.get("amount").asInt()));
        return out;
    }

    @Test
    void aContributionTheBrandMadeAnArticleEarnsItsPointsOnceRedeliveredOrRecomputed() {
        long eventId = bed.server.core.db.inTransaction(c -> bed.server.core.events.append(c, bed.demo.id(), null, bob.id(),
            new ArticlePromoted(7, 99, bob.id(), 40)));
        bed.settle();
        assertEquals(41, bed.reputation(bob), "the brand's 40 points over the floor of 1");
        assertEquals(List.of("article-promoted:40"), reasons(bob));

        DomainEvent again = bed.server.core.db.inTransaction(c -> bed.server.core.eventStore.byId(c, eventId).event());
        bed.server.camel().createProducerTemplate().sendBody(ReputationSubscriber.ENDPOINT, again);
        assertEquals(41, bed.reputation(bob), "a redelivered event gives nothing more");

        bed.reputation.recomputation.run(bed.demo.id(), false);
        assertEquals(41, bed.reputation(bob), "a recomputation gives it again, once");
        assertEquals(List.of("article-promoted:40"), reasons(bob));
    }

    @Test
    void votesAndAcceptancesFollowThePointsTable() {
        long q = bed.ask(alice, "Comment poser du carrelage mural ?");
        long a = bed.answer(bob, q);
        bed.vote(carol, q, 1);
        bed.vote(carol, a, 1);
        bed.accept(alice, q, a);
        bed.settle();
        assertEquals(1 + 5 + 2, bed.reputation(alice), "question upvoted +5, and +2 for accepting");
        assertEquals(1 + 10 + 15, bed.reputation(bob), "answer upvoted +10, accepted +15");
        assertEquals(1, bed.reputation(carol), "voting up costs nothing");

        long a2 = bed.answer(carol, q);
        bed.vote(bob, a2, -1);
        long q2 = bed.ask(carol, "Une question mal posée sur la peinture");
        bed.vote(alice, q2, -1);
        bed.settle();
        assertEquals(26 - 1, bed.reputation(bob), "giving a downvote on an answer costs 1");
        assertEquals(8, bed.reputation(alice), "a downvote on a question costs the voter nothing");
        assertEquals(List.of("answer-accepted:15", "answer-upvoted:10"), reasons(bob).subList(1, 3));
        assertEquals("downvote-given:-1", reasons(bob).get(0));
        assertEquals(List.of("post-downvoted:0", "post-downvoted:0"), reasons(carol),
            "carol was at 1: the floor keeps her there, and the entries say so");
    }

    @Test
    void retractingChangingAndUnacceptingTakeBackExactlyWhatWasGiven() {
        long q = bed.ask(alice, "Quel primaire avant de peindre ?");
        long a = bed.answer(bob, q);
        bed.vote(carol, a, 1);
        bed.accept(alice, q, a);
        bed.settle();
        assertEquals(26, bed.reputation(bob));

        bed.vote(carol, a, -1);
        bed.settle();
        assertEquals(26 - 10 - 2, bed.reputation(bob), "the upvote is taken back and the downvote applied");
        bed.vote(carol, a, 0);
        bed.settle();
        assertEquals(16, bed.reputation(bob), "retracting the downvote gives back its 2 points");
        bed.accept(alice, q, null);
        bed.settle();
        assertEquals(1, bed.reputation(bob), "unaccepting takes back the 15 points");
        assertEquals(1, bed.reputation(alice), "and the asker's 2");
        assertEquals(List.of("answer-accepted~:-15", "post-downvoted~:2", "post-downvoted:-2", "answer-upvoted~:-10",
            "answer-accepted:15", "answer-upvoted:10"), reasons(bob));
        assertEquals(3, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE user_id = ? AND reversed = TRUE", bob.id()),
            "every original entry is marked as reversed");
    }

    @Test
    void theDailyCapLimitsUpvoteGainsButNotAcceptedAnswers() {
        assertEquals(200, bed.http.get(Testbed.DEMO + "/reputation/points", null).json().get("daily-cap").asInt());
        bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"daily-cap\":25}");
        long q = bed.ask(alice, "Comment entretenir une terrasse en bois ?");
        long a = bed.answer(bob, q);
        Testbed.Member dave = bed.register("Dave");
        bed.vote(alice, a, 1);
        bed.vote(carol, a, 1);
        bed.vote(dave, a, 1);
        bed.accept(alice, q, a);
        bed.settle();
        assertEquals(1 + 10 + 10 + 5 + 15, bed.reputation(bob), "the third upvote is capped at 5, the acceptance is not capped");
        JsonNode capped = bed.http.get(Testbed.DEMO + "/users/" + bob.id() + "/reputation", null).json()
            .get("history").get("items").get(1);
        assertTrue(capped.get("capped").asBoolean(), capped.toString());
        assertEquals(5, capped.get("amount").asInt());

        bed.vote(dave, a, 0);
        bed.settle();
        assertEquals(36, bed.reputation(bob), "retracting the capped vote takes back the 5 it gave, not 10");
        bed.vote(dave, a, 1);
        bed.settle();
        assertEquals(41, bed.reputation(bob), "the room it freed today is used again");
    }

    @Test
    void reputationNeverGoesBelowOneAndNobodyEarnsFromTheirOwnPosts() {
        long q = bed.ask(alice, "Une question de test sur les plinthes");
        bed.vote(bob, q, -1);
        bed.vote(carol, q, -1);
        long a = bed.answer(alice, q);
        bed.accept(alice, q, a);
        bed.settle();
        assertEquals(1, bed.reputation(alice), "downvotes stop at 1, accepting one's own answer gives nothing");
        bed.vote(bob, q, 0);
        bed.settle();
        assertEquals(1, bed.reputation(alice), "retracting gives back what was taken: nothing");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM reputation_entry WHERE post_id = ?", a));
    }

    @Test
    void brandAdminsOverrideThePointsTable() {
        Http.Response table = bed.http.get(Testbed.DEMO + "/reputation/points", null);
        assertEquals(200, table.status());
        assertEquals(10, table.json().get("answer-upvoted").asInt());
        assertEquals(-1, table.json().get("downvote-given").asInt());
        assertEquals(403, bed.http.put(Testbed.DEMO + "/reputation/points", alice.token(), "{\"answer-upvoted\":50}").status());
        assertEquals(400, bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-loved\":50}").status());
        assertEquals(400, bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-upvoted\":5000}").status());
        assertEquals(400, bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"daily-cap\":0}").status());
        Http.Response changed = bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-upvoted\":12}");
        assertEquals(12, changed.json().get("answer-upvoted").asInt(), changed.toString());

        long q = bed.ask(alice, "Quelle colle pour du lambris ?");
        long a = bed.answer(bob, q);
        bed.vote(carol, a, 1);
        bed.settle();
        assertEquals(13, bed.reputation(bob), "the brand's value applies to new votes");
        bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-upvoted\":null}");
        assertEquals(10, bed.http.get(Testbed.DEMO + "/reputation/points", null).json().get("answer-upvoted").asInt(),
            "null restores the default");
        bed.vote(carol, a, 0);
        bed.settle();
        assertEquals(1, bed.reputation(bob), "a retraction takes back the 12 that were given, whatever the table says now");
    }

    @Test
    void theHistoryIsPaginatedAndExplainsEachChange() {
        long q = bed.ask(alice, "Comment déboucher un évier ?");
        for (int i = 0; i < 5; i++) {
            Testbed.Member voter = bed.register("Voter");
            bed.vote(voter, q, 1);
        }
        bed.settle();
        Http.Response page = bed.http.get(Testbed.DEMO + "/users/" + alice.id() + "/reputation?page=2&size=2", null);
        assertEquals(200, page.status(), page.toString());
        JsonNode history = page.json().get("history");
        assertEquals(26, page.json().get("reputation").asInt());
        assertEquals(5, history.get("total").asInt());
        assertEquals(2, history.get("items").size());
        JsonNode item = history.get("items").get(0);
        assertEquals("question-upvoted", item.get("reason").asText());
        assertEquals("Your question was voted up", item.get("label").asText());
        assertEquals(q, item.get("postId").asLong());
        assertTrue(item.get("eventId").asLong() > 0);
        assertFalse(item.get("at").isNull());
        assertEquals(404, bed.http.get(Testbed.DEMO + "/users/999999/reputation", null).status());
        assertEquals(400, bed.http.get(Testbed.DEMO + "/users/" + alice.id() + "/reputation?size=1000", null).status());
    }
    @Test
    void changesAndPrivilegesAreAnnouncedInTheOutbox() {
        long q = bed.ask(alice, "Comment fixer une étagère sur du placo ?");
        bed.vote(bob, q, 1);
        bed.vote(carol, q, 1);
        bed.settle();
        assertEquals(0, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'privilege.granted' AND subject_id = ?",
            alice.id()), "11 is below every threshold but the lowered vote thresholds, which she started above");
        bed.vote(bed.register("Dave"), q, 1);
        bed.settle();
        assertEquals(16, bed.reputation(alice));
        assertEquals(3, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'reputation.changed' "
            + "AND subject_type = 'user' AND subject_id = ?", alice.id()));
        String granted = bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.one(c,
            "SELECT payload FROM domain_event WHERE event_type = 'privilege.granted' AND subject_id = ?",
            rs -> rs.getString(1), alice.id()).orElseThrow());
        assertTrue(granted.contains("\"privilege\":\"flag\"") && granted.contains("\"threshold\":15"),
            "16 crosses the flag threshold of 15: " + granted);
        String changed = bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.one(c,
            "SELECT payload FROM domain_event WHERE event_type = 'reputation.changed' AND subject_id = ? ORDER BY id DESC",
            rs -> rs.getString(1), alice.id()).orElseThrow());
        assertTrue(changed.contains("\"change\":5") && changed.contains("\"reputation\":16")
            && changed.contains("question-upvoted"), changed);
    }
}
