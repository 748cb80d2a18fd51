package org.entraide.badges.internal;

import static org.entraide.api.badges.BadgeEvents.BADGE_AWARDED;
import static org.entraide.api.badges.BadgeEvents.BADGE_REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Badges through the real core and HTTP: awards from events, definitions, retroactivity, revocation. */
abstract class BadgeScenarios {
    Bed bed;
    Bed.Member alice;
    Bed.Member bob;
    Bed.Member carol;
    Bed.Member dan;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Bed(dataSource()).install();
        alice = bed.register("Alice");
        bob = bed.register("Bob");
        carol = bed.register("Carol");
        dan = bed.register("Dan");
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    Http.Response define(String method, String json) {
        var b = bed.http.builder(Bed.DEMO + "/badges", bed.admin).header("Content-Type", "application/json");
        var body = java.net.http.HttpRequest.BodyPublishers.ofString(json);
        return bed.http.send(method.equals("POST") ? b.POST(body) : b.PUT(body));
    }

    static String badge(String key, String criterion, String extra) {
        return "{\"key\":\"" + key + "\",\"tier\":\"bronze\",\"criterion\":\"" + criterion + "\","
            + "\"name\":{\"fr\":\"Nom " + key + "\",\"en\":\"Name " + key + "\"},"
            + "\"description\":{\"fr\":\"Description\",\"en\":\"Description\"}" + extra + "}";
    }

    long events(String type, long userId) {
        return bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = ? AND subject_id = ?", type, userId);
    }

    @Test
    void aDeletedAnswerLeavesTheCountsAndTakesNoMoreVotes() {
        bed.enable(true);
        long q = bed.ask(alice, "Comment fixer une tringle ?", "bricolage");
        long kept = bed.answer(bob, q);
        long deleted = bed.answer(bob, q);
        bed.settle();
        String answers = "SELECT metric_value FROM badge_metric WHERE user_id = ? AND scope = '' AND metric = 'answers'";
        assertEquals(2, bed.count(answers, bob.id()), "bob's two answers count");
        assertEquals(204, bed.http.delete(Bed.DEMO + "/posts/" + deleted, bob.token()).status(), "bob deletes one");
        bed.settle();
        assertEquals(1, bed.count(answers, bob.id()), "the deleted answer no longer counts");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM badge_post WHERE post_id = ?", deleted), "nor is it catalogued");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM badge_post WHERE post_id = ?", kept), "the other one is");
        assertEquals(409, bed.http.post(Bed.DEMO + "/posts/" + deleted + "/votes", carol.token(), "{\"value\":1}").status(),
            "and nobody votes on it any more");
    }

    @Test
    void shippedBadgesAreAwardedFromEventsExactlyOnce() {
        bed.enable(true);
        long q = bed.ask(alice, "Comment poser du carrelage mural ?", "bricolage");
        long a = bed.answer(bob, q);
        bed.accept(alice, q, a);
        bed.vote(carol, a, 1);
        bed.settle();
        assertTrue(bed.held(alice).contains("first-question"), "alice asked: " + bed.held(alice));
        assertTrue(bed.held(bob).containsAll(List.of("first-answer", "first-accepted-answer", "teacher")),
            "bob answered, was accepted and upvoted: " + bed.held(bob));
        assertFalse(bed.held(carol).contains("first-answer"), "carol only voted: " + bed.held(carol));

        bed.answer(bob, bed.ask(carol, "Une autre question sur la peinture", "bricolage"));
        bed.settle();
        bed.badges.catchUp.evaluateBrand(bed.demo.id(), null);
        assertEquals(1, bed.count("SELECT COUNT(*) FROM badge_award WHERE user_id = ? AND badge_key = 'first-answer'", bob.id()),
            "a once-only badge is held once, after more answers and a full evaluation");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = ? AND subject_id = ? "
            + "AND payload LIKE '%first-answer%'", BADGE_AWARDED, bob.id()), "and announced once");
    }

    @Test
    void answeringTenQuestionsAboutStoresOfOneCityEarnsLocalHelper() {
        bed.enable(true);
        for (int i = 1; i <= 9; i++) {
            bed.answer(bob, bed.askAbout(alice, "Question lyonnaise numéro " + i, "LYON-PARTDIEU"));
        }
        bed.answer(bob, bed.ask(alice, "Une question sans magasin", null));
        bed.settle();
        assertFalse(bed.held(bob).contains("local-helper"), "nine in Lyon and one nowhere: " + bed.held(bob));
        bed.answer(bob, bed.askAbout(alice, "Question lyonnaise numéro 10", "LYON-PARTDIEU"));
        bed.settle();
        assertTrue(bed.held(bob).contains("local-helper"), "ten answers on questions about Lyon stores: " + bed.held(bob));
    }

    @Test
    void aRepeatableBadgeIsEarnedOncePerQualifyingPost() {
        bed.enable(true);
        assertEquals(201, define("POST", badge("helpful-answer", "answer.score >= 2", ",\"repeatable\":true")).status());
        long q = bed.ask(alice, "Quelle tondeuse choisir ?", "jardin");
        long a1 = bed.answer(bob, q);
        long a2 = bed.answer(bob, q);
        long a3 = bed.answer(bob, q);
        for (long a : List.of(a1, a2)) {
            bed.vote(carol, a, 1);
            bed.vote(dan, a, 1);
        }
        bed.vote(carol, a3, 1);
        bed.settle();
        assertEquals(List.of(a1, a2), bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.list(c,
            "SELECT post_id FROM badge_award WHERE badge_key = 'helpful-answer' AND user_id = ? ORDER BY post_id",
            rs -> rs.getLong(1), bob.id())), "one award per answer scoring 2, none for the answer at 1");
    }

    @Test
    void anInvalidCriterionIsRefusedWithAClearErrorAndNothingStored() {
        bed.enable(true);
        Http.Response typo = define("POST", badge("typo", "topic.answrs >= 3", ""));
        assertEquals(422, typo.status(), typo.toString());
        JsonNode error = typo.json().get("errors").get(0);
        assertEquals("criterion", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("unknown metric 'answrs'")
            && error.get("message").asText().contains("at character 7"), error.toString());

        Http.Response mixed = define("POST", badge("mixed", "topic.answers >= 3 and answer.score > 1", ""));
        assertEquals(422, mixed.status(), mixed.toString());
        assertTrue(mixed.json().toString().contains("one scope"), mixed.toString());
        Http.Response syntax = define("POST", badge("syntax", "user.answers >= ", ""));
        assertEquals(422, syntax.status(), syntax.toString());
        Http.Response repeat = define("POST", badge("repeat", "user.answers >= 2", ",\"repeatable\":true"));
        assertEquals(422, repeat.status(), "only per-post badges repeat: " + repeat);

        String listed = bed.http.get(Bed.DEMO + "/badges", null).json().toString();
        assertFalse(listed.contains("\"typo\"") || listed.contains("\"mixed\"") || listed.contains("\"syntax\""),
            "nothing invalid was stored");
        assertTrue(listed.contains("\"topic-expert-gold\""), "the shipped badges are listed");
        assertEquals(403, bed.http.send(bed.http.builder(Bed.DEMO + "/badges", bob.token())
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(badge("mine", "user.answers >= 1", "")))).status(),
            "members do not define badges");
    }

    @Test
    void enablingBadgesOnABrandWithHistoryAwardsThePast() {
        long q = bed.ask(alice, "Comment tailler un rosier ?", "jardin");
        bed.answer(bob, q);
        bed.answer(carol, q);
        bed.settle();
        assertEquals(0, bed.count("SELECT COUNT(*) FROM badge_award"), "badges are off: nothing is awarded");
        assertEquals(404, bed.http.get(Bed.DEMO + "/users/" + bob.id() + "/badges", null).status(), "nor shown");

        bed.enable(true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bed.held(bob).contains("first-answer")
            && bed.held(carol).contains("first-answer") && bed.held(alice).contains("first-question"));

        Http.Response added = define("POST", badge("two-answers-in-topic", "topic.answers >= 1 and topic.questions >= 0", ""));
        assertEquals(201, added.status(), added.toString());
        assertTrue(added.json().get("evaluated").get("awardsOrRevocations").asInt() >= 2, "applied to the past at once: " + added);
        assertTrue(bed.held(bob).contains("two-answers-in-topic"), bed.held(bob).toString());
    }

    @Test
    void anAutoRevokedBadgeIsTakenBackWithItsReason() {
        bed.enable(true);
        assertEquals(201, define("POST", badge("well-liked", "user.answerScore >= 2", ",\"autoRevoke\":true")).status());
        long a = bed.answer(bob, bed.ask(alice, "Livraison en retard, que faire ?", "livraison"));
        bed.vote(carol, a, 1);
        bed.vote(dan, a, 1);
        bed.settle();
        assertTrue(bed.held(bob).contains("well-liked"));
        bed.vote(dan, a, 0);
        bed.settle();
        assertFalse(bed.held(bob).contains("well-liked"), "a retracted vote takes the score under the criterion");
        JsonNode revoked = bed.http.get(Bed.DEMO + "/users/" + bob.id() + "/badges", null).json().get("items");
        revoked = revoked.get(revoked.size() - 1);
        assertEquals("well-liked", revoked.get("badge").asText(), "taken back, listed after the badges held");
        assertTrue(revoked.get("revokeReason").asText().contains("user.answerScore >= 2"), revoked.toString());
        assertEquals(1, events(BADGE_REVOKED, bob.id()));

        bed.vote(dan, a, 1);
        bed.settle();
        assertTrue(bed.held(bob).contains("well-liked"), "earned again");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM badge_award WHERE badge_key = 'well-liked'"), "on the same award");
    }

    @Test
    void topicExpertsAreKnownToOtherPluginsAndProgressIsShown() {
        bed.enable(true);
        assertEquals(201, define("POST", badge("garden-expert", "topic.answers >= 2", ",\"expert\":true")).status());
        long q = bed.ask(alice, "Quand semer les tomates ?", "jardin");
        bed.answer(bob, q);
        bed.settle();
        JsonNode progress = bed.http.get(Bed.DEMO + "/badges/garden-expert/progress", bob.token()).json();
        JsonNode step = progress.get("scopes").get(0).get("steps").get(0);
        assertEquals(1, step.get("current").asInt());
        assertEquals(2, step.get("target").asInt());
        assertEquals("1 / 2 réponses dans Jardin", step.get("label").get("fr").asText());
        assertEquals("1 / 2 answers in Jardin", step.get("label").get("en").asText());
        long topic = bed.count("SELECT topic_id FROM post WHERE id = ?", q);
        assertFalse(bed.badges.expertise.isTopicExpert(bed.demo.id(), bob.id(), topic));

        bed.answer(bob, q);
        bed.settle();
        assertTrue(bed.badges.expertise.isTopicExpert(bed.demo.id(), bob.id(), topic));
        assertEquals(java.util.Set.of(bob.id()), bed.badges.expertise.expertsOf(bed.demo.id(), topic,
            List.of(bob.id(), carol.id())));
        assertEquals(1, bed.http.get(Bed.DEMO + "/badges/garden-expert/holders", null).json().get("items").size());
        long carolsAnswer = bed.answer(carol, q);
        JsonNode answers = bed.http.get(Bed.DEMO + "/questions/" + q, null).json().get("answers");
        answers.forEach(a -> assertEquals(a.get("id").asLong() != carolsAnswer, a.get("expert").asBoolean(),
            "bob's answers are marked expert in the question's view, carol's not: " + a));
        assertEquals(401, bed.http.get(Bed.DEMO + "/badges/garden-expert/progress", null).status(), "progress is personal");
        bed.enable(false);
        assertFalse(bed.badges.expertise.isTopicExpert(bed.demo.id(), bob.id(), topic), "badges off: no experts");
        assertFalse(bed.http.get(Bed.DEMO + "/questions/" + q, null).json().toString().contains("\"expert\":true"));
        assertEquals(404, bed.http.get(Bed.DEMO + "/badges/garden-expert/progress", null).status(), "badges off: no endpoint");
    }

    @Test
    void flagsUpheldByModerationMakeAHelpfulFlagger() {
        bed.enable(true);
        for (int i = 0; i < 10; i++) {
            long post = bed.ask(alice, "Question signalée " + i, "jardin");
            // what the moderation plugin appends when its review upholds a flag
            bed.server.core.db.inTransaction(c -> bed.server.core.events.append(c, org.entraide.api.event.NewEvent.of(
                bed.demo.id(), org.entraide.api.moderation.ModerationEvents.FLAG_UPHELD, null, "user", carol.id(),
                java.util.Map.of("userId", carol.id(), "postId", post, "reason", "spam"))));
            bed.settle();
            assertEquals(i == 9, bed.held(carol).contains("helpful-flagger"), "helpful flagger at the 10th upheld flag, not before");
        }
    }

    /**
     * Karaf and the tests wire the plugin alike: the services its Declarative Services components provide (read from
     * the descriptors bnd generated) are exactly the kinds of {@code services()}, which these tests install, and the
     * manifest declares no service by hand.
     */
    @Test
    void theComponentsProvideWhatTheTestsInstall() throws Exception {
        java.util.Set<String> provided = org.entraide.core.internal.support.ComponentDescriptors.provided();
        assertTrue(provided.remove(BadgesComponent.class.getName()), "the plugin's own object, shared by its components");
        assertEquals(java.util.Set.of("org.apache.camel.RoutesBuilder", "org.entraide.api.plugin.Capability",
            "org.entraide.api.badges.Expertise", "org.entraide.api.plugin.EventSubscriber", "org.entraide.api.privacy.PersonalData"), provided);
        assertEquals(provided, org.entraide.core.internal.support.ComponentDescriptors.kinds(bed.badges.services(), provided),
            "every kind the components provide is listed, and installed by the tests");
        assertFalse(org.entraide.core.internal.support.ComponentDescriptors.declaredByHand(bed.badges.getClass()),
            "no service declared by hand");
    }
}
