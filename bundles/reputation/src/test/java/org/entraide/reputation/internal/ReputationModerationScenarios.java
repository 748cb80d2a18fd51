package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.moderation.internal.Moderation;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moderation's rejections cost their author the post-rejected points, once, and an overturned appeal gives them
 * back, once; approving a held post or lifting a sanction costs nothing. First through the core's Publications
 * alone, then with the moderation plugin running beside reputation.
 */
abstract class ReputationModerationScenarios {
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

    /** Bob's answer voted up: 11 points, enough for a penalty to show above the floor of 1. */
    private long bobEarnsTen() {
        long q = bed.ask(alice, "Comment remplacer un joint de douche ?");
        long a = bed.answer(bob, q);
        bed.vote(carol, a, 1);
        bed.settle();
        assertEquals(11, bed.reputation(bob));
        return q;
    }

    private List<String> rejectionEntries(Testbed.Member m) {
        JsonNode items = bed.http.get(Testbed.DEMO + "/users/" + m.id() + "/reputation?size=100", null).json()
            .get("history").get("items");
        List<String> out = new ArrayList<>();
        items.forEach(i -> {
            if (i.get("reason").asText().equals("post-rejected")) {
                out.add((i.get("reversal").asBoolean() ? "reversal " : "penalty ") + i.get("amount").asInt());
            }
        });
        return out;
    }

    /** The subscriber reads every event again from the start, as after a restore or a redelivery. */
    private void replayEverything() {
        bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c,
            "UPDATE event_subscriber SET position = 0 WHERE name = ?", ReputationSubscriber.NAME));
        bed.settle();
    }

    @Test
    void aPostApprovedAfterReviewCountsInItsTopicAndTagBoards() {
        SubmissionStep holdMarked = new SubmissionStep() {
            public String capability() {
                return null;
            }

            public int order() {
                return 200;
            }

            public Submission apply(Submission s) {
                return s.title() != null && s.title().startsWith("[hold]") ? s.withState(PublicationState.PENDING_REVIEW, "held") : s;
            }
        };
        bed.server.core.pipeline.add(holdMarked);
        long q = bed.ask(bob, "[hold] Quelle colle pour du carrelage ?", "bricolage", List.of("colle"));
        bed.server.core.publications.change(bed.demo.id(), q, PublicationState.PUBLISHED,
            bed.member("moderator@demo.example").id(), "fine");
        bed.vote(carol, q, 1);
        bed.settle();
        for (String board : List.of("?topic=bricolage", "?tag=colle")) {
            JsonNode top = bed.http.get(Testbed.DEMO + "/leaderboard" + board + "&size=100", null).json().get("items");
            List<String> names = new ArrayList<>();
            top.forEach(t -> names.add(t.get("pseudonym").asText() + "=" + t.get("points").asInt()));
            assertTrue(names.stream().anyMatch(n -> n.startsWith("Bob") && n.endsWith("=5")),
                "the vote on Bob's approved question counts in its board " + board + ": " + names);
        }
    }

    @Test
    void aRejectionCostsPointsOnceAndItsReversalGivesThemBackOnce() {
        bobEarnsTen();
        long post = bed.ask(bob, "Une question que la modération rejettera");
        long moderator = bed.member("moderator@demo.example").id();
        bed.server.core.publications.change(bed.demo.id(), post, PublicationState.REJECTED, moderator, "spam");
        bed.settle();
        assertEquals(11 - 5, bed.reputation(bob), "post-rejected costs 5 by default");

        bed.server.core.publications.change(bed.demo.id(), post, PublicationState.PUBLISHED, moderator, "appeal granted");
        bed.settle();
        assertEquals(11, bed.reputation(bob), "the overturned rejection gives back what it cost");
        assertEquals(List.of("reversal 5", "penalty -5"), rejectionEntries(bob), "both entries in the history");
        String label = bed.http.get(Testbed.DEMO + "/users/" + bob.id() + "/reputation", null).json().get("history")
            .get("items").get(0).get("label").asText();
        assertTrue(label.contains("appeal overturned"), label);

        replayEverything();
        assertEquals(11, bed.reputation(bob), "every event applied again changes nothing");
        assertEquals(2, rejectionEntries(bob).size());

        bed.server.core.publications.change(bed.demo.id(), post, PublicationState.REJECTED, moderator, "abuse");
        bed.settle();
        assertEquals(6, bed.reputation(bob), "a new rejection of the same post costs again");
        replayEverything();
        assertEquals(6, bed.reputation(bob));
        bed.reputation.recomputation.run(bed.demo.id(), false);
        assertEquals(6, bed.reputation(bob), "a recomputation scores the standing rejection too");
    }

    @Test
    void hidingOrApprovingAPostCostsNothingAndABrandSetsItsOwnPenalty() {
        bobEarnsTen();
        long post = bed.ask(bob, "Une question masquée puis publiée");
        bed.server.core.publications.change(bed.demo.id(), post, PublicationState.HIDDEN, null, "flagged by members");
        bed.server.core.publications.change(bed.demo.id(), post, PublicationState.PUBLISHED, null, "approved");
        bed.settle();
        assertEquals(11, bed.reputation(bob), "hidden then approved: no penalty, nothing to give back");

        assertEquals(200, bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"post-rejected\":-8}").status());
        bed.server.core.publications.change(bed.demo.id(), post, PublicationState.REJECTED, null, "off-topic");
        bed.settle();
        assertEquals(3, bed.reputation(bob), "the brand's own penalty");
        assertEquals(List.of("penalty -8"), rejectionEntries(bob));
    }

    @Test
    void withTheModerationPluginAnOverturnedRejectionGivesBackWhatItCost() throws Exception {
        Moderation moderation = moderation();
        Testbed.Member moderator = bed.member("moderator@demo.example");
        Testbed.Member admin = bed.member("admin@demo.example");
        long brand = bed.demo.id();
        bobEarnsTen();

        long approved = held(bob, "Quel abruti ce vendeur, mais il a fini par m'aider.");
        long rejected = held(bob, "Ce vendeur est un connard.");
        moderation.review.decide(moderator.caller(), brand, item(approved), "approve", null);
        long rejection = item(rejected);
        moderation.review.decide(moderator.caller(), brand, rejection, "reject", "abuse");
        bed.settle();
        assertEquals(6, bed.reputation(bob), "the approved held post costs nothing, the rejected one 5");

        long sanction = moderation.sanctions.impose(moderator.caller(), brand, bob.id(), "WARNING", "Propos injurieux", null).id();
        long sanctionAppeal = moderation.sanctions.appeal(bob.caller(), brand, "SANCTION", sanction, "Je citais le vendeur");
        moderation.sanctions.decideAppeal(admin.caller(), brand, sanctionAppeal, true, "Citation");
        bed.settle();
        assertEquals(6, bed.reputation(bob), "a lifted sanction neither costs nor gives");

        long appeal = moderation.sanctions.appeal(bob.caller(), brand, "ITEM", rejection, "C'était une citation");
        moderation.sanctions.decideAppeal(admin.caller(), brand, appeal, true, "Citation");
        bed.settle();
        assertEquals(11, bed.reputation(bob), "the overturned rejection gives the 5 points back");
        assertEquals(List.of("reversal 5", "penalty -5"), rejectionEntries(bob));
        replayEverything();
        assertEquals(11, bed.reputation(bob));
    }

    /** The moderation plugin running beside reputation, enabled, reading reputation as in Karaf. */
    private Moderation moderation() throws Exception {
        Moderation moderation = Moderation.start(new Moderation.CoreServices(bed.server.core.db, bed.server.core.events,
            bed.server.core.publications, org.entraide.moderation.internal.Platform.of(bed.server.core.platform),
            bed.server.core.migrator, bed.server.core.endpoints, bed.server.core.capabilities), Moderation.ModerationSettings.defaults(),
            Clock.systemUTC());
        moderation.useReputation(new ReputationReader(bed.reputation));
        bed.server.install(moderation.services());
        assertEquals(200, bed.http.put(Testbed.DEMO + "/features", bed.admin, "{\"moderation\":true}").status());
        return moderation;
    }

    @Test
    void flagsNeedTheBrandsFlagPrivilege() throws Exception {
        Moderation moderation = moderation();
        long question = bed.ask(carol, "Une question que quelqu'un voudra signaler");
        bobEarnsTen();
        long brand = bed.demo.id();
        org.entraide.api.problem.ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(
            org.entraide.api.problem.ProblemException.class,
            () -> moderation.review.flag(alice.caller(), brand, question, "spam", null));
        assertEquals(403, refused.status(), "1 point, the threshold is 15");
        assertEquals(15, refused.extensions().get("threshold"));
        assertEquals(0, bed.count("SELECT COUNT(*) FROM moderation_flag WHERE post_id = ?", question), "no flag stored");
        assertEquals(200, bed.http.put(Testbed.DEMO + "/reputation/privileges", bed.admin, "{\"flag\":10}").status());
        assertEquals(1.0, moderation.review.flag(bob.caller(), brand, question, "spam", null), "11 points, the threshold is 10");
        assertEquals(2.0, moderation.review.flag(bed.member("moderator@demo.example").caller(), brand, question, "spam", null),
            "staff need no reputation");
    }

    private long held(Testbed.Member author, String body) {
        long id = bed.server.core.questions.ask(author.caller(), bed.demo, "Un vendeur en magasin", body, null, List.of()).id();
        assertEquals("PENDING_REVIEW", bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.one(c,
            "SELECT publication FROM post WHERE id = ?", rs -> rs.getString(1), id)).orElseThrow());
        return id;
    }

    /** The review queue's item of the post, once the moderation subscriber queued it. */
    private long item(long postId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            bed.count("SELECT COUNT(*) FROM moderation_item WHERE post_id = ?", postId) == 1);
        return bed.count("SELECT id FROM moderation_item WHERE post_id = ?", postId);
    }
}
