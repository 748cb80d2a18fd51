package org.entraide.moderation.internal;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.moderation.internal.store.RuleSets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moderation through the real core and HTTP: the submission step, the rule sets API and the dry run. */
abstract class ModerationScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    TestServer server;
    Moderation moderation;
    Http http;
    String admin;
    String moderator;
    String customer;
    private int registered;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(50))
            .withRateLimits(java.util.Map.of("login", 1000, "register", 1000, "post", 1000, "admin-login", 1000)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        moderation = Moderation.start(new Moderation.CoreServices(server.core.db, server.core.events, server.core.publications,
            Platform.of(server.core.platform), server.core.migrator, server.core.endpoints, server.core.capabilities),
            Moderation.ModerationSettings.defaults(), Clock.systemUTC());
        server.install(moderation.services());
        admin = login("admin@demo.example");
        moderator = login("moderator@demo.example");
        customer = login("customer@demo.example");
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"moderation\":true}").status());
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    private String login(String email) {
        return server.core.accounts.login("demo", email, DemoSeeder.PASSWORD).token();
    }

    private Http.Response post(String path, String token, String json) {
        return http.send(http.builder(path, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Http.Response ask(String token, String title, String body) {
        return post(DEMO + "/questions", token, Http.json("title", title, "body", body));
    }

    @Test
    void theDryRunShowsTheDecisionTheTextAndTheFiredRules() {
        Http.Response r = post(DEMO + "/moderation/dry-run", moderator,
            "{\"title\":\"Question\",\"body\":\"Espèce d'@brut1, écris-moi à jean.dupont@example.com\",\"type\":\"QUESTION\"}");
        assertEquals(200, r.status(), r.toString());
        assertEquals("HOLD", r.json().get("decision").asText());
        assertEquals("Espèce d'@*****, écris-moi à [masqué par la modération]", r.json().get("text").asText());
        String fired = r.json().get("fired").toString();
        assertTrue(fired.contains("\"insults\"") && fired.contains("\"personal-data\"") && fired.contains("\"HOLD\""), fired);
        assertEquals("PUBLISH", post(DEMO + "/moderation/dry-run", moderator,
            "{\"body\":\"Service nul, trois semaines sans réponse, je ne reviendrai plus.\",\"type\":\"COMPLAINT\"}")
            .json().get("decision").asText());
        assertEquals(403, post(DEMO + "/moderation/dry-run", customer, "{\"body\":\"x\"}").status(), "moderators only");
        assertEquals(401, post(DEMO + "/moderation/dry-run", null, "{\"body\":\"x\"}").status());
        assertEquals(400, post(DEMO + "/moderation/dry-run", moderator, "{\"body\":\"x\",\"type\":\"POEM\"}").status());
    }

    @Test
    void postsAreHeldRedactedOrBlockedBeforeTheyAreStored() {
        Http.Response insult = ask(customer, "Un vendeur odieux", "Ce vendeur est un connard.");
        assertEquals(201, insult.status(), insult.toString());
        assertEquals("PENDING_REVIEW", insult.json().get("publication").asText(), "held for review");
        long held = insult.json().get("id").asLong();
        assertEquals(404, http.get(DEMO + "/questions/" + held, null).status(), "not public while held");

        Http.Response pii = ask(customer, "Ma commande", "Rappelez-moi au 06 12 34 56 78 s'il vous plaît.");
        assertEquals("PUBLISHED", pii.json().get("publication").asText());
        String stored = server.core.db.inTransaction(c -> Sql.one(c, "SELECT body FROM post WHERE id = ?",
            rs -> rs.getString(1), pii.json().get("id").asLong()).orElseThrow());
        assertEquals("Rappelez-moi au [masqué par la modération] s'il vous plaît.", stored, "the phone number never stored");

        for (int i = 0; i < 2; i++) {
            assertEquals(201, ask(customer, "Question répétée " + i, "Le même message, encore et encore.").status());
        }
        Http.Response third = ask(customer, "Question répétée 3", "Le même message, encore et encore.");
        assertEquals(422, third.status(), third.toString());
        JsonNode reasons = third.json().get("reasons");
        assertEquals("repeated", reasons.get(0).get("rule").asText());
        assertEquals("Vous avez déjà publié ce message.", reasons.get(0).get("fr").asText());

        assertEquals(200, http.put(DEMO + "/features", admin, "{\"moderation\":false}").status());
        assertEquals("PUBLISHED", ask(customer, "Sans modération", "Ce vendeur est un connard.").json()
            .get("publication").asText(), "a brand without moderation is not moderated");
    }

    @Test
    void ruleSetsAreValidatedVersionedAndApplied() {
        JsonNode sets = http.get(DEMO + "/moderation/rulesets", moderator).json().get("items");
        assertEquals(RuleSets.shipped().size(), sets.size(), "the shipped rule sets, installed for the brand");
        Http.Response invalid = post(DEMO + "/moderation/rulesets", moderator, "{\"name\":\"x\",\"active\":true,\"rules\":"
            + "[{\"name\":\"bad\",\"action\":\"HOLD\",\"condition\":{\"type\":\"regex\",\"pattern\":\"(oops\"},"
            + "\"reason\":{\"fr\":\"r\",\"en\":\"r\"}}]}");
        assertEquals(422, invalid.status(), invalid.toString());
        assertEquals("rules[0].condition", invalid.json().get("errors").get(0).get("field").asText());
        assertTrue(invalid.json().get("errors").get(0).get("message").asText().contains("does not compile"));

        String questionsReviewed = "{\"name\":\"Questions relues\",\"active\":true,\"rules\":[{\"name\":\"review-questions\","
            + "\"action\":\"HOLD\",\"condition\":{\"type\":\"postType\",\"types\":[\"QUESTION\"]},"
            + "\"reason\":{\"fr\":\"Relue avant publication\",\"en\":\"Reviewed before publication\"}}]}";
        Http.Response created = post(DEMO + "/moderation/rulesets", moderator, questionsReviewed);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().get("id").asLong();
        assertEquals("PENDING_REVIEW", ask(customer, "Une question ordinaire", "Bonjour, quelle colle choisir ?").json()
            .get("publication").asText());

        Http.Response updated = http.send(http.builder(DEMO + "/moderation/rulesets/" + id, admin)
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                questionsReviewed.replace("\"active\":true", "\"active\":false"))));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(2, updated.json().get("version").asInt());
        assertEquals(2L, (long) server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM moderation_ruleset_version WHERE ruleset_id = ?", id)), "both versions kept");
        assertEquals("PUBLISHED", ask(customer, "Une autre question", "Bonjour, quel enduit choisir ?").json()
            .get("publication").asText(), "an inactive rule set does not apply");
        assertEquals(403, http.get(DEMO + "/moderation/rulesets", customer).status());
        assertFalse(http.get(DEMO + "/moderation/rulesets/424242", moderator).status() == 200);
    }

    private String member(String name) {
        String email = name + "-" + (++registered) + "@test.example";
        server.core.accounts.register("demo", email, DemoSeeder.PASSWORD, name + registered);
        return login(email);
    }

    private long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    private JsonNode waitForItem(long postId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            http.get(DEMO + "/moderation/queue", moderator).json().toString().contains("\"postId\":" + postId + ","));
        for (JsonNode item : http.get(DEMO + "/moderation/queue", moderator).json().get("items")) {
            if (item.get("postId").asLong() == postId) {
                return item;
            }
        }
        throw new AssertionError("no item for post " + postId);
    }

    /** The local-managers plugin's side, as the API lets moderation see it: what it hid. */
    static final class RecordingPrivateMessages implements org.entraide.api.localmanagers.PrivateMessages {
        final java.util.List<Long> hidden = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public long send(java.sql.Connection connection, long brandId, long complaintId, long authorId, String text) {
            throw new UnsupportedOperationException("moderation never sends");
        }

        @Override
        public void hide(java.sql.Connection connection, long brandId, long messageId) {
            hidden.add(messageId);
        }
    }

    @Test
    void aReportedPrivateMessageIsReviewedWithoutNamingTheComplainantAndHiddenOnlyWhenUpheld() throws Exception {
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        server.core.db.inTransaction(c -> {
            server.core.events.append(c, brandId, null, 4242L, new org.entraide.api.localmanagers.PrivateMessageReported(4242, 17, 1,
                "Vous mentez, comme toujours.", "manager", "Gérant-Lyon", 77, "Il m'insulte."));
            server.core.events.append(c, brandId, null, 4242L, new org.entraide.api.localmanagers.PrivateMessageReported(4242, 18, 2,
                "Voici mon adresse : [adresse masquée].", "complainant", "complainant", 0, "Hors sujet"));
            return null;
        });
        String queue = DEMO + "/moderation/queue?source=MESSAGE";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> http.get(queue, moderator).json().get("items").size() == 2);
        JsonNode items = http.get(queue, moderator).json().get("items");
        JsonNode byManager = items.get(0).get("messageId").asLong() == 17 ? items.get(0) : items.get(1);
        JsonNode byComplainant = byManager == items.get(0) ? items.get(1) : items.get(0);
        assertEquals("PRIVATE_MESSAGE", byManager.get("type").asText());
        assertEquals("Vous mentez, comme toujours.", byManager.get("text").asText());
        assertEquals("manager", byManager.get("author").get("role").asText());
        assertEquals("Gérant-Lyon", byManager.get("author").get("pseudonym").asText());
        assertEquals(77, byManager.get("author").get("id").asLong(), "a manager can be sanctioned for a message");
        assertTrue(byManager.get("link").isNull(), "the thread is not public: no link");
        assertEquals("private-message-report", byManager.get("rules").get(0).get("rule").asText());
        assertTrue(byManager.get("rules").get(0).get("en").asText().contains("Il m'insulte."));
        assertEquals("complainant", byComplainant.get("author").get("pseudonym").asText());
        assertFalse(byComplainant.get("author").has("id"), "the complainant is never named, not even by id");
        assertEquals(403, http.get(queue, customer).status(), "moderators only");

        // a second report of a message that waits adds no item (called directly: the dispatcher is asynchronous)
        moderation.messageReviews.reported(new org.entraide.api.event.DomainEvent(0, brandId, "complaint.message-reported",
            java.time.Instant.now(), null, "post", 4242, RuleSets.JSON.writeValueAsString(new org.entraide.api.localmanagers
                .PrivateMessageReported(4242, 17, 3, "Vous mentez, comme toujours.", "manager", "Gérant-Lyon", 77, "Insultant")), 1));
        assertEquals(2, count("SELECT COUNT(*) FROM moderation_item WHERE source = 'MESSAGE'"));

        String upheld = DEMO + "/moderation/queue/" + byManager.get("id").asLong() + "/decision";
        Http.Response noPlugin = post(upheld, moderator, "{\"decision\":\"uphold\",\"reasonCode\":\"abuse\"}");
        assertEquals(409, noPlugin.status(), "nobody to hide the message: " + noPlugin);
        RecordingPrivateMessages messages = new RecordingPrivateMessages();
        moderation.usePrivateMessages(messages);
        assertEquals(400, post(upheld, moderator, "{\"decision\":\"publish\"}").status());
        assertEquals(400, post(upheld, moderator, "{\"decision\":\"uphold\"}").status(), "a reason code to uphold");
        assertEquals(400, post(upheld, moderator, "{\"decision\":\"dismiss\",\"body\":\"Autre texte\"}").status(),
            "never corrected");
        assertEquals(403, post(upheld, customer, "{\"decision\":\"uphold\",\"reasonCode\":\"abuse\"}").status());
        assertEquals(java.util.List.of(), messages.hidden, "nothing refused hid anything");
        Http.Response ok = post(upheld, moderator, "{\"decision\":\"uphold\",\"reasonCode\":\"abuse\"}");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("UPHELD", ok.json().get("decision").asText());
        assertEquals(409, post(upheld, moderator, "{\"decision\":\"dismiss\"}").status(), "decided once");
        Http.Response kept = post(DEMO + "/moderation/queue/" + byComplainant.get("id").asLong() + "/decision", moderator,
            "{\"decision\":\"dismiss\"}");
        assertEquals(200, kept.status(), kept.toString());
        assertEquals("DISMISSED", kept.json().get("decision").asText());
        assertEquals(java.util.List.of(17L), messages.hidden, "only the upheld report hides its message");
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_audit WHERE action = 'HIDE_MESSAGE' AND reason = 'abuse'"));
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_audit WHERE action = 'KEEP_MESSAGE'"));
        moderation.usePrivateMessages(null);
    }

    @Test
    void anEditHeldByTheRulesWaitsInTheQueue() {
        Http.Response fine = ask(customer, "Un vendeur serviable", "Ce vendeur m'a bien aidé.");
        assertEquals("PUBLISHED", fine.json().get("publication").asText(), fine.toString());
        long id = fine.json().get("id").asLong();
        Http.Response edited = http.put(DEMO + "/posts/" + id, customer, "{\"body\":\"Ce vendeur est un connard.\"}");
        assertEquals(200, edited.status(), edited.toString());
        assertEquals("PENDING_REVIEW", edited.json().get("publication").asText(), "the edit is held like a new post");
        assertEquals(404, http.get(DEMO + "/questions/" + id, null).status(), "and leaves public view until reviewed");
        assertEquals("HOLD", waitForItem(id).get("source").asText(), "it waits in the review queue");
    }

    @Test
    void heldPostsAreReviewedClaimedAndDecidedWithAReason() {
        long rejected = ask(customer, "Vendeur odieux", "Ce vendeur est un connard.").json().get("id").asLong();
        long approved = ask(customer, "Vendeur pénible", "Quel abruti ce vendeur, mais il a fini par m'aider.").json().get("id").asLong();
        JsonNode item = waitForItem(rejected);
        assertEquals("HOLD", item.get("source").asText());
        String itemPath = DEMO + "/moderation/queue/" + item.get("id").asLong();
        assertEquals(200, post(itemPath + "/claim", moderator, "{}").status());
        assertEquals(409, post(itemPath + "/claim", admin, "{}").status(), "claimed by another moderator");
        assertEquals(400, post(itemPath + "/decision", moderator, "{\"decision\":\"reject\"}").status(), "a reason is required");
        Http.Response decided = post(itemPath + "/decision", moderator, "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}");
        assertEquals(200, decided.status(), decided.toString());
        assertEquals("REJECTED", decided.json().get("decision").asText());
        assertEquals(409, post(itemPath + "/decision", moderator, "{\"decision\":\"approve\"}").status(), "decided once");
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'post.rejected' AND subject_id = ? "
            + "AND payload LIKE '%abuse%'", rejected), "the author is told, with the reason");

        Http.Response ok = post(DEMO + "/moderation/queue/" + waitForItem(approved).get("id").asLong() + "/decision", moderator,
            "{\"decision\":\"approve\"}");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(200, http.get(DEMO + "/questions/" + approved, null).status(), "published after review");
        assertEquals(403, http.get(DEMO + "/moderation/queue", customer).status());
    }

    @Test
    void aModeratorMayCorrectAHeldPostWhileApprovingIt() {
        long held = ask(customer, "Vendeur pénible", "Quel abruti ce vendeur, mais il a fini par m'aider.").json().get("id").asLong();
        String decision = DEMO + "/moderation/queue/" + waitForItem(held).get("id").asLong() + "/decision";
        for (String bad : List.of("{\"decision\":\"approve\",\"body\":\"  \"}",
            "{\"decision\":\"approve\",\"body\":\"" + "x".repeat(20001) + "\"}",
            "{\"decision\":\"approve\",\"title\":\"abc\"}",
            "{\"decision\":\"approve\",\"body\":42}",
            "{\"decision\":\"reject\",\"reasonCode\":\"abuse\",\"body\":\"Un texte\"}")) {
            Http.Response refused = post(decision, moderator, bad);
            assertEquals(400, refused.status(), bad.substring(0, Math.min(80, bad.length())) + " " + refused);
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.toString());
        }
        assertEquals("PENDING_REVIEW", publication(held), "a refused correction changes nothing");
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_item WHERE post_id = ? AND status = 'DECIDED'", held));
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_audit WHERE post_id = ? AND action IN ('EDIT', 'APPROVE')", held));

        Http.Response ok = post(decision, moderator, "{\"decision\":\"approve\",\"title\":\"Vendeur pénible mais serviable\","
            + "\"body\":\"Ce vendeur était pénible, mais il a fini par m'aider.\"}");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("APPROVED", ok.json().get("decision").asText());
        JsonNode shown = http.get(DEMO + "/questions/" + held, null).json();
        assertEquals("Vendeur pénible mais serviable", shown.get("title").asText());
        assertEquals("Ce vendeur était pénible, mais il a fini par m'aider.", shown.get("body").asText());
        JsonNode edit = null;
        for (JsonNode e : http.get(DEMO + "/moderation/audit?action=EDIT", moderator).json().get("items")) {
            edit = e.get("postId").asLong() == held ? e.get("edit") : edit;
        }
        assertEquals("Vendeur pénible", edit.get("titleBefore").asText(), String.valueOf(edit));
        assertTrue(edit.get("bodyBefore").asText().contains("ce vendeur"), "the text as it was held: " + edit);
        assertEquals("Ce vendeur était pénible, mais il a fini par m'aider.", edit.get("bodyAfter").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'post.published' AND subject_id = ? "
            + "AND payload LIKE '%\"edited\":true%'", held), "the author is told the post was edited");
    }

    private String publication(long postId) {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT publication FROM post WHERE id = ?", rs -> rs.getString(1),
            postId)).orElseThrow();
    }

    @Test
    void weightedFlagsHideAPostUntilReview() {
        String author = member("Auteur");
        long post = ask(author, "Une question banale", "Bonjour à tous, une question sur la peinture.").json().get("id").asLong();
        String flags = DEMO + "/posts/" + post + "/flags";
        assertEquals(403, post(flags, author, "{\"reason\":\"spam\"}").status(), "not one's own post");
        assertEquals(400, post(flags, customer, "{\"reason\":\"boring\"}").status());
        assertEquals(201, post(flags, customer, "{\"reason\":\"spam\"}").status());
        assertEquals(409, post(flags, customer, "{\"reason\":\"abuse\"}").status(), "one flag per member and post");
        assertEquals(201, post(flags, member("Second"), "{\"reason\":\"spam\"}").status());
        assertEquals(200, http.get(DEMO + "/questions/" + post, null).status(), "weight 2 of 3: still visible");
        assertEquals(201, post(flags, member("Third"), "{\"reason\":\"off-topic\"}").status());
        assertEquals(404, http.get(DEMO + "/questions/" + post, null).status(), "weight 3: hidden until reviewed");
        JsonNode item = waitForItem(post);
        assertEquals("FLAG", item.get("source").asText());
        assertEquals(200, post(DEMO + "/moderation/queue/" + item.get("id").asLong() + "/decision", moderator,
            "{\"decision\":\"approve\"}").status());
        assertEquals(200, http.get(DEMO + "/questions/" + post, null).status(), "restored by the moderator");
        assertEquals(3, count("SELECT COUNT(*) FROM moderation_flag WHERE post_id = ? AND upheld = FALSE", post),
            "the flags were not upheld: they weigh less next time");
    }

    @Test
    void everyActionIsAuditedExportableAndSummarised() {
        long held = ask(customer, "Vendeur odieux", "Ce vendeur est un connard.").json().get("id").asLong();
        long item = waitForItem(held).get("id").asLong();
        post(DEMO + "/moderation/queue/" + item + "/decision", moderator, "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}");
        String log = http.get(DEMO + "/moderation/audit", moderator).json().toString();
        assertTrue(log.contains("\"HOLD\"") && log.contains("\"REJECT\"") && log.contains("\"abuse\""), log);
        Http.Response csv = http.get(DEMO + "/moderation/audit?format=csv&action=REJECT", moderator);
        assertEquals(200, csv.status());
        assertTrue(csv.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.toString());
        assertTrue(csv.raw().body().startsWith("id,at,actor,action,post,reason,before,after\n"), csv.raw().body());
        assertTrue(csv.raw().body().contains(",REJECT," + held + ",\"abuse\",PENDING_REVIEW,REJECTED"), csv.raw().body());
        String month = http.get(DEMO + "/moderation/transparency", admin).json().toString();
        assertTrue(month.contains("\"action\":\"REJECT\",\"reason\":\"abuse\",\"count\":1"), month);
        assertEquals(400, http.get(DEMO + "/moderation/transparency?month=novembre", admin).status());

        moderation.review.configure(3, Duration.ZERO);
        ask(customer, "Encore", "Bande de connards.");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> count("SELECT COUNT(*) FROM moderation_item WHERE status <> 'DECIDED'") == 1);
        assertEquals(1, moderation.review.remind(), "a reminder for the item waiting too long");
        assertEquals(0, moderation.review.remind(), "once");
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'moderation.review-overdue'"));
    }

    @Test
    void rejectingAFlaggedPostUpholdsItsFlags() {
        String author = member("Spammeur");
        long post = ask(author, "Une annonce", "Venez voir ma boutique, les meilleurs prix.").json().get("id").asLong();
        List<String> flaggers = List.of(customer, member("Un"), member("Deux"));
        for (String f : flaggers) {
            assertEquals(201, post(DEMO + "/posts/" + post + "/flags", f, "{\"reason\":\"spam\"}").status());
        }
        long item = waitForItem(post).get("id").asLong();
        assertEquals(200, post(DEMO + "/moderation/queue/" + item + "/decision", moderator,
            "{\"decision\":\"reject\",\"reasonCode\":\"spam\"}").status());
        assertEquals(3, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'moderation.flag-upheld' AND payload LIKE ?",
            "%\"postId\":" + post + "%"), "one event per upheld flag, for the badges of its member");
        assertEquals(3, count("SELECT COUNT(*) FROM moderation_flag WHERE post_id = ? AND upheld = TRUE", post));
    }

    @Test
    void topicExpertsMaySkipHoldsWhenTheBrandSaysSo() {
        String expert = member("Experte");
        long expertId = http.get(DEMO + "/me", expert).json().get("id").asLong();
        // the badges plugin's answer, as a fake of the API's contract
        moderation.step.use(new org.entraide.api.badges.Expertise() {
            @Override
            public boolean isTopicExpert(long brandId, long userId, long topicId) {
                return userId == expertId;
            }

            @Override
            public java.util.Set<Long> expertsOf(long brandId, long topicId, java.util.Collection<Long> userIds) {
                return userIds.contains(expertId) ? java.util.Set.of(expertId) : java.util.Set.of();
            }
        });
        String reviewed = "{\"name\":\"Questions relues\",\"active\":true,\"expertsSkipHold\":%s,\"rules\":[{\"name\":"
            + "\"review-questions\",\"action\":\"HOLD\",\"condition\":{\"type\":\"postType\",\"types\":[\"QUESTION\"]},"
            + "\"reason\":{\"fr\":\"Relue\",\"en\":\"Reviewed\"}}]}";
        Http.Response set = post(DEMO + "/moderation/rulesets", moderator, String.format(reviewed, "true"));
        assertEquals(201, set.status(), set.toString());
        String question = "{\"title\":\"Quelle colle pour du carrelage ?\",\"body\":\"Bonjour\",\"topic\":\"bricolage\"}";
        assertEquals("PUBLISHED", post(DEMO + "/questions", expert, question).json().get("publication").asText(),
            "an expert of the topic is not held");
        assertEquals("PENDING_REVIEW", post(DEMO + "/questions", customer, question).json().get("publication").asText());
        http.send(http.builder(DEMO + "/moderation/rulesets/" + set.json().get("id").asLong(), moderator)
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(String.format(reviewed, "false"))));
        assertEquals("PENDING_REVIEW", post(DEMO + "/questions", expert,
            question.replace("colle", "colle forte")).json().get("publication").asText(), "unless the brand says otherwise");
    }

    @Test
    void sanctionsEscalateAreEnforcedAndAppealsAreDecidedByAnotherModerator() {
        String member = member("Sanctionne");
        long memberId = http.get(DEMO + "/me", member).json().get("id").asLong();
        String sanctions = DEMO + "/moderation/sanctions";
        assertEquals(400, post(sanctions, moderator, "{\"userId\":" + memberId + ",\"kind\":\"SILENCE\"}").status(),
            "a reason is mandatory");
        assertEquals(400, post(sanctions, moderator, "{\"userId\":" + memberId + ",\"kind\":\"BAN\",\"reason\":\"x\"}").status());
        assertEquals(403, post(sanctions, customer, "{\"userId\":" + memberId + ",\"kind\":\"WARNING\",\"reason\":\"x\"}").status());
        Http.Response silence = post(sanctions, moderator, "{\"userId\":" + memberId + ",\"kind\":\"SILENCE\",\"reason\":\"Insultes répétées\"}");
        assertEquals(201, silence.status(), silence.toString());
        Instant start = Instant.parse(silence.json().get("startsAt").asText());
        assertEquals(start.plus(Duration.ofHours(24)), Instant.parse(silence.json().get("endsAt").asText()), "24 h the first time");

        Http.Response refused = ask(member, "Je veux parler", "Laissez-moi publier.");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("SILENCE", refused.json().get("kind").asText());
        assertEquals(silence.json().get("endsAt").asText(), refused.json().get("until").asText());

        long sanctionId = silence.json().get("id").asLong();
        String appeals = DEMO + "/moderation/appeals";
        Http.Response appeal = post(appeals, member, "{\"subject\":\"SANCTION\",\"id\":" + sanctionId + ",\"statement\":\"Ce n'était pas moi\"}");
        assertEquals(201, appeal.status(), appeal.toString());
        assertEquals(409, post(appeals, member, "{\"subject\":\"SANCTION\",\"id\":" + sanctionId + ",\"statement\":\"Encore\"}").status(),
            "one appeal per decision");
        Http.Response open = http.get(appeals + "?status=OPEN", moderator);
        assertEquals(200, open.status(), open.toString());
        assertEquals(1, open.json().get("items").size(), "the appeal waits: " + open);
        assertEquals("Ce n'était pas moi", open.json().get("items").get(0).get("statement").asText());
        assertEquals(403, http.get(appeals, member).status(), "appeals are listed to moderators only");
        String decision = appeals + "/" + appeal.json().get("id").asLong() + "/decision";
        assertEquals(403, post(decision, moderator, "{\"outcome\":\"overturn\",\"reason\":\"ok\"}").status(),
            "not by the moderator who sanctioned");
        assertEquals(200, post(decision, admin, "{\"outcome\":\"overturn\",\"reason\":\"Erreur de compte\"}").status());
        assertEquals(201, ask(member, "Je peux parler", "Merci pour la levée de la sanction.").status(), "lifted on appeal");
        assertEquals(0, http.get(appeals + "?status=OPEN", moderator).json().get("items").size());
        assertEquals("OVERTURNED", http.get(appeals + "?status=DECIDED", moderator).json().get("items").get(0).get("outcome").asText());

        Http.Response again = post(sanctions, moderator, "{\"userId\":" + memberId + ",\"kind\":\"SUSPENSION\",\"reason\":\"Spam\"}");
        Http.Response third = post(sanctions, moderator, "{\"userId\":" + memberId + ",\"kind\":\"SUSPENSION\",\"reason\":\"Spam encore\"}");
        assertEquals(Duration.ofHours(24), Duration.between(Instant.parse(again.json().get("startsAt").asText()),
            Instant.parse(again.json().get("endsAt").asText())), "the lifted silence does not count");
        assertEquals(Duration.ofHours(72), Duration.between(Instant.parse(third.json().get("startsAt").asText()),
            Instant.parse(third.json().get("endsAt").asText())), "then 72 h");
        assertEquals(201, post(sanctions, moderator, "{\"userId\":" + memberId + ",\"kind\":\"WARNING\",\"reason\":\"Ton\"}").status(),
            "a warning, which has no end");

        // what the member and the moderators are told of goes through events; an appeal's filing never names its author
        List<String> sanctioned = payloads("moderation.sanction-imposed");
        assertEquals(4, sanctioned.size(), sanctioned.toString());
        assertTrue(sanctioned.stream().allMatch(p -> p.contains("\"userId\":" + memberId)), sanctioned.toString());
        assertTrue(sanctioned.get(3).contains("WARNING") && !sanctioned.get(3).contains("endsAt"), sanctioned.get(3));
        List<String> filed = payloads("moderation.appeal-filed");
        assertEquals(1, filed.size());
        assertFalse(filed.get(0).contains("appellant"), "no author in the filing: " + filed.get(0));
        List<String> decided = payloads("moderation.appeal-decided");
        assertEquals(1, decided.size());
        assertTrue(decided.get(0).contains("\"appellantId\":" + memberId) && decided.get(0).contains("OVERTURNED"), decided.get(0));
    }

    private List<String> payloads(String type) {
        return server.core.db.inTransaction(c -> Sql.list(c, "SELECT payload FROM domain_event WHERE event_type = ? ORDER BY id",
            rs -> rs.getString(1), type));
    }

    @Test
    void anOverturnedRejectionRestoresThePost() {
        long held = ask(customer, "Vendeur odieux", "Ce vendeur est un connard.").json().get("id").asLong();
        long item = waitForItem(held).get("id").asLong();
        post(DEMO + "/moderation/queue/" + item + "/decision", moderator, "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}");
        assertEquals(404, http.get(DEMO + "/questions/" + held, null).status());
        JsonNode mine = http.get(DEMO + "/moderation/mine", customer).json();
        assertEquals(item, mine.get("rejections").get(0).get("itemId").asLong(), "the author sees what they may appeal: " + mine);
        assertEquals("abuse", mine.get("rejections").get(0).get("reasonCode").asText());
        assertFalse(mine.get("rejections").get(0).get("appealed").asBoolean());
        assertEquals(0, http.get(DEMO + "/moderation/mine", moderator).json().get("rejections").size(), "about oneself only");
        Http.Response appeal = post(DEMO + "/moderation/appeals", customer,
            "{\"subject\":\"ITEM\",\"id\":" + item + ",\"statement\":\"C'est une citation du vendeur\"}");
        assertEquals(201, appeal.status(), appeal.toString());
        assertTrue(http.get(DEMO + "/moderation/mine", customer).json().get("rejections").get(0).get("appealed").asBoolean());
        assertEquals(200, post(DEMO + "/moderation/appeals/" + appeal.json().get("id").asLong() + "/decision", admin,
            "{\"outcome\":\"overturn\",\"reason\":\"Citation\"}").status());
        assertEquals(200, http.get(DEMO + "/questions/" + held, null).status(), "published again");
        assertTrue(http.get(DEMO + "/moderation/audit", moderator).json().toString().contains("APPEAL_OVERTURNED"));
    }

    @Test
    void storeManagersAskModeratorsInsteadOfDeleting() {
        String manager = login("manager@demo.example");
        Http.Response complaint = post(DEMO + "/complaints", customer, Http.json("title", "Accueil glacial", "body",
            "Le personnel ne dit même pas bonjour.", "storeCode", "LYON-PARTDIEU"));
        long id = complaint.json().get("id").asLong();
        Http.Response elsewhere = post(DEMO + "/complaints", customer, Http.json("title", "Rayon vide", "body",
            "Plus de peinture blanche.", "storeCode", "PARIS-BERCY"));
        String requests = DEMO + "/complaints/%d/moderation-requests";
        assertEquals(400, post(String.format(requests, id), manager, "{\"category\":\"i-dont-like-it\"}").status());
        assertEquals(403, post(String.format(requests, elsewhere.json().get("id").asLong()), manager,
            "{\"category\":\"duplicate\"}").status(), "not about the manager's store");
        assertEquals(201, post(String.format(requests, id), manager, "{\"category\":\"not-about-store\",\"detail\":\"Magasin de Villeurbanne\"}").status());
        assertEquals(200, http.get(DEMO + "/complaints/" + id, null).status(), "still published until a moderator decides");
        JsonNode item = waitForItem(id);
        assertEquals("REQUEST", item.get("source").asText());
        JsonNode perStore = http.get(DEMO + "/moderation/requests", admin).json().get("items");
        assertEquals("LYON-PARTDIEU", perStore.get(0).get("store").asText());
        assertEquals(1, perStore.get(0).get("requests").asInt());
        assertEquals(403, http.get(DEMO + "/moderation/requests", manager).status());
    }

    @Test
    void lowReputationAuthorsAreHeldWhenTheBrandHasReputation() {
        String newcomer = member("Nouveau");
        String trusted = member("Ancien");
        long newcomerId = http.get(DEMO + "/me", newcomer).json().get("id").asLong();
        long trustedId = http.get(DEMO + "/me", trusted).json().get("id").asLong();
        String set = "{\"name\":\"Réputation\",\"active\":true,\"rules\":[{\"name\":\"low-reputation\",\"action\":\"HOLD\","
            + "\"condition\":{\"type\":\"reputationBelow\",\"points\":10},\"reason\":{\"fr\":\"Relu\",\"en\":\"Reviewed\"}}]}";
        assertEquals(201, post(DEMO + "/moderation/rulesets", moderator, set).status());
        assertEquals("PUBLISHED", ask(newcomer, "Sans réputation", "Le plugin de réputation est absent.").json()
            .get("publication").asText(), "unknown reputation: the rule does not hold");
        // the reputation plugin's answer, as a fake of the API's contract
        moderation.step.use((org.entraide.api.reputation.ReputationLookup) (brand, user) ->
            java.util.OptionalInt.of(user == trustedId ? 50 : user == newcomerId ? 3 : 1));
        assertEquals("PENDING_REVIEW", ask(newcomer, "Peu de réputation", "Trois points seulement.").json()
            .get("publication").asText());
        assertEquals("PUBLISHED", ask(trusted, "Beaucoup de réputation", "Cinquante points.").json().get("publication").asText());
    }

    @Test
    void threatsAreHeldAndHarshComplaintsPublished() {
        Http.Response threat = post(DEMO + "/complaints", customer, Http.json("title", "Le gérant", "body",
            "Je sais où il habite, je vais lui casser la gueule.", "storeCode", "LYON-PARTDIEU"));
        assertEquals(201, threat.status(), threat.toString());
        assertEquals("PENDING_REVIEW", threat.json().get("publication").asText(), "a threat waits for review");
        Http.Response english = ask(customer, "The manager", "I know where the manager lives and I will hurt him.");
        assertEquals("PENDING_REVIEW", english.json().get("publication").asText());
        Http.Response harsh = ask(customer, "Attente interminable", "Cette attente me tue, je vais porter plainte.");
        assertEquals("PUBLISHED", harsh.json().get("publication").asText(), "anger without a threat is published");
    }

    @Test
    void severalLinksToUnknownDomainsAndLinksOfLowReputationAreHeld() {
        String spam = "Remboursé en 24 h grâce à https://cash-back.example/offre et http://promo.example.net/go";
        Http.Response complaint = post(DEMO + "/complaints", customer, Http.json("title", "Remboursement", "body", spam,
            "storeCode", "LYON-PARTDIEU"));
        assertEquals("PENDING_REVIEW", complaint.json().get("publication").asText(), "two links to unknown domains");
        assertTrue(heldBy(complaint).contains("links-unknown-domains"), heldBy(complaint));
        Http.Response unknown = ask(customer, "Un lien", "La notice est sur https://docs.example/notice.");
        assertTrue(heldBy(unknown).contains("links-low-reputation"), "no reputation plugin: the member counts as 0 points");
        long customerId = http.get(DEMO + "/me", customer).json().get("id").asLong();
        moderation.step.use((org.entraide.api.reputation.ReputationLookup) (brand, user) ->
            java.util.OptionalInt.of(user == customerId ? 200 : 1));
        // the demo account is a day old: only the new members' rule holds its link now
        Http.Response trusted = ask(customer, "Un lien utile", "La notice est sur https://docs.example/notice.");
        assertEquals("new-member-links", heldBy(trusted), "one link from a member with reputation");
        assertTrue(heldBy(ask(customer, "Deux liens", spam)).contains("links-unknown-domains"),
            "several unknown domains, whatever the reputation");
    }

    /** The names of the rules that held the post, as the review queue shows them. */
    private String heldBy(Http.Response created) {
        List<String> names = new java.util.ArrayList<>();
        waitForItem(created.json().get("id").asLong()).get("rules").forEach(r -> names.add(r.get("rule").asText()));
        return String.join(",", names);
    }

    @Test
    void ruleSetsShippedLaterAreInstalledOnceForBrandsSeededBefore() {
        int shipped = RuleSets.shipped().size();
        assertEquals(shipped, http.get(DEMO + "/moderation/rulesets", moderator).json().get("items").size());
        // a brand seeded before the threats rule set shipped: as the V5 migration leaves it
        server.core.db.inTransaction(c -> {
            long id = Sql.one(c, "SELECT id FROM moderation_ruleset WHERE name = 'Menaces / Threats'", rs -> rs.getLong(1))
                .orElseThrow();
            Sql.update(c, "DELETE FROM moderation_ruleset_version WHERE ruleset_id = ?", id);
            Sql.update(c, "DELETE FROM moderation_ruleset WHERE id = ?", id);
            return Sql.update(c, "DELETE FROM moderation_shipped WHERE name = 'Menaces / Threats'");
        });
        assertEquals("HOLD", post(DEMO + "/moderation/dry-run", moderator,
            "{\"body\":\"je vais lui casser la gueule\",\"type\":\"QUESTION\"}").json().get("decision").asText(),
            "read once more: the rule set shipped later is installed");
        assertEquals(shipped, http.get(DEMO + "/moderation/rulesets", moderator).json().get("items").size());
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_ruleset WHERE name = 'Menaces / Threats'"), "once");
        // a brand that removed a shipped rule set does not get it back
        server.core.db.inTransaction(c -> Sql.update(c, "DELETE FROM moderation_ruleset WHERE name = 'Liens / Links'"));
        assertEquals(shipped - 1, http.get(DEMO + "/moderation/rulesets", moderator).json().get("items").size());
    }

    @Test
    void theQueueShowsEachItemsTextAuthorTypeRuleAndLink() {
        long question = ask(customer, "Perceuse en panne", "Ma perceuse ne démarre plus, une idée ?").json().get("id").asLong();
        String other = member("Rageur");
        long otherId = http.get(DEMO + "/me", other).json().get("id").asLong();
        moderation.step.use((org.entraide.api.reputation.ReputationLookup) (brand, user) ->
            java.util.OptionalInt.of(user == otherId ? 7 : 1));
        Http.Response answer = post(DEMO + "/questions/" + question + "/answers", other,
            Http.json("body", "Le vendeur qui te l'a vendue est un connard."));
        assertEquals("PENDING_REVIEW", answer.json().get("publication").asText(), answer.toString());
        long answerId = answer.json().get("id").asLong();
        JsonNode item = waitForItem(answerId);
        assertEquals("ANSWER", item.get("type").asText());
        assertEquals("Le vendeur qui te l'a vendue est un c******.", item.get("text").asText(), "the text as stored");
        assertEquals("Perceuse en panne", item.get("parentTitle").asText(), "the question it answers");
        assertEquals("Rageur" + registered, item.get("author").get("pseudonym").asText());
        assertEquals(7, item.get("author").get("reputation").asInt());
        assertEquals("insults", item.get("rules").get(0).get("rule").asText(), item.toString());
        assertEquals("/b/demo/questions/" + question + "#answer-" + answerId, item.get("link").asText());

        Http.Response complaint = post(DEMO + "/complaints", other, Http.json("title", "Le gérant", "body",
            "Je vais lui casser la gueule, à ce gérant.", "storeCode", "LYON-PARTDIEU"));
        long complaintId = complaint.json().get("id").asLong();
        JsonNode held = waitForItem(complaintId);
        assertEquals("COMPLAINT", held.get("type").asText());
        assertEquals("threats", held.get("rules").get(0).get("rule").asText(), held.toString());
        assertTrue(held.get("author").get("anonymous").asBoolean(), "moderators do not learn who filed a complaint");
        assertFalse(held.toString().contains("Rageur"), held.toString());
        assertEquals("/b/demo/complaints/" + complaintId, held.get("link").asText());
    }

    @Test
    void flagsNeedTheFlagPrivilegeWhenTheBrandHasReputation() {
        long question = ask(customer, "Question à signaler", "Une question tout à fait ordinaire.").json().get("id").asLong();
        String newcomer = member("Nouveau");
        String trusted = member("Ancien");
        long trustedId = http.get(DEMO + "/me", trusted).json().get("id").asLong();
        moderation.step.use(new org.entraide.api.reputation.ReputationLookup() {
            @Override
            public java.util.OptionalInt reputationOf(long brand, long user) {
                return java.util.OptionalInt.of(user == trustedId ? 40 : 1);
            }

            @Override
            public java.util.OptionalInt thresholdOf(long brand, String privilege) {
                return "flag".equals(privilege) ? java.util.OptionalInt.of(15) : java.util.OptionalInt.empty();
            }
        });
        String flags = DEMO + "/posts/" + question + "/flags";
        Http.Response refused = post(flags, newcomer, "{\"reason\":\"spam\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("flag", refused.json().get("privilege").asText());
        assertEquals(15, refused.json().get("threshold").asInt());
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_flag WHERE post_id = ?", question), "nothing stored");
        assertEquals(201, post(flags, trusted, "{\"reason\":\"spam\"}").status());
        moderation.step.use((org.entraide.api.reputation.ReputationLookup) null);
        assertEquals(201, post(flags, newcomer, "{\"reason\":\"spam\"}").status(), "without reputation, anyone flags");
    }

    @Test
    void officialResponsesGoThroughTheSameRedactionAndWordRules() {
        String manager = login("manager@demo.example");
        long complaint = post(DEMO + "/complaints", customer, Http.json("title", "Accueil glacial", "body",
            "Personne ne m'a dit bonjour.", "storeCode", "LYON-PARTDIEU")).json().get("id").asLong();
        Http.Response response = post(DEMO + "/complaints/" + complaint + "/responses", manager, Http.json("body",
            "Madame, je vous écris à claire.martin@example.com ou au 06 12 34 56 78. Ce vendeur est un connard, il sera recadré."));
        assertEquals(201, response.status(), response.toString());
        String stored = server.core.db.inTransaction(c -> Sql.one(c, "SELECT body FROM post WHERE parent_id = ? AND post_type = "
            + "'RESPONSE'", rs -> rs.getString(1), complaint).orElseThrow());
        assertEquals("Madame, je vous écris à [masqué par la modération] ou au [masqué par la modération]. Ce vendeur est un "
            + "c******, il sera recadré.", stored, "redacted and censored, not held: a response is due");
        assertEquals(0, count("SELECT COUNT(*) FROM post WHERE parent_id = ? AND publication <> 'PUBLISHED'", complaint));
    }

    @Test
    void privateMessagesGoThroughTheSameRulesInBothDirections() {
        long brand = server.core.db.inTransaction(c -> Sql.one(c, "SELECT id FROM brand WHERE slug = 'demo'", rs -> rs.getLong(1))
            .orElseThrow());
        var manager = server.core.accounts.authenticate("Bearer " + login("manager@demo.example")).orElseThrow();
        var member = server.core.accounts.authenticate("Bearer " + customer).orElseThrow();
        assertEquals("Écrivez à [masqué par la modération], ce vendeur est un c******.", moderation.messages.check(brand, manager,
            "Écrivez à claire.martin@example.com, ce vendeur est un connard."), "the store's messages are redacted and censored");
        assertEquals("Mon numéro : [masqué par la modération].", moderation.messages.check(brand, member,
            "Mon numéro : 06 12 34 56 78."), "and the member's");
        org.entraide.api.problem.ProblemException threat = org.junit.jupiter.api.Assertions.assertThrows(
            org.entraide.api.problem.ProblemException.class, () -> moderation.messages.check(brand, member,
                "Je sais où vous habitez, je vais vous casser la gueule."));
        assertEquals(422, threat.status(), "a message cannot wait for review: refused");
        assertEquals(201, post(DEMO + "/moderation/sanctions", moderator, "{\"userId\":" + member.userId()
            + ",\"kind\":\"SILENCE\",\"reason\":\"Menaces\"}").status());
        org.entraide.api.problem.ProblemException silenced = org.junit.jupiter.api.Assertions.assertThrows(
            org.entraide.api.problem.ProblemException.class, () -> moderation.messages.check(brand, member, "Bonjour"));
        assertEquals(403, silenced.status(), "sanctions apply to private messages");
    }

    private static String field(Http.Response r) {
        return r.json().get("errors").get(0).get("field").asText();
    }

    /** The admin token of another brand with moderation on. */
    private String otherBrandAdmin() {
        server.core.administration.createBrand("autre", "Autre Maison", "admin@autre.example", DemoSeeder.PASSWORD, "Equipe-Autre");
        String token = server.core.accounts.login("autre", "admin@autre.example", DemoSeeder.PASSWORD).token();
        assertEquals(200, http.put("/api/v1/brands/autre/features", token, "{\"moderation\":true}").status());
        return token;
    }

    @Test
    void idsOfAnotherBrandAre404AndChangeNothing() {
        String other = otherBrandAdmin();
        long otherAdminId = http.get("/api/v1/brands/autre/me", other).json().get("id").asLong();
        String autre = "/api/v1/brands/autre/moderation";
        assertProblem(404, post(DEMO + "/moderation/sanctions", moderator, "{\"userId\":" + otherAdminId
            + ",\"kind\":\"SUSPENSION\",\"reason\":\"Ailleurs\"}"), "another brand's member");
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_sanction"), "nobody sanctioned");
        assertProblem(404, http.get(DEMO + "/moderation/sanctions?userId=" + otherAdminId, moderator), "another brand's member");

        long demoSet = http.get(DEMO + "/moderation/rulesets", moderator).json().get("items").get(0).get("id").asLong();
        String versionsOfDemoSet = "SELECT COUNT(*) FROM moderation_ruleset_version WHERE ruleset_id = " + demoSet;
        long versions = count(versionsOfDemoSet);
        assertProblem(404, http.get(autre + "/rulesets/" + demoSet, other), "demo's rule set under another brand");
        assertProblem(404, http.put(autre + "/rulesets/" + demoSet, other, "{\"name\":\"Pris\",\"active\":false,\"rules\":"
            + "[{\"name\":\"tag-links\",\"action\":\"TAG\",\"condition\":{\"type\":\"links\",\"max\":0},"
            + "\"reason\":{\"fr\":\"x\",\"en\":\"x\"}}]}"), "demo's rule set changed from another brand");
        assertProblem(404, post(autre + "/dry-run", other, "{\"body\":\"texte\",\"ruleSetId\":" + demoSet + "}"),
            "demo's rule set tried from another brand");

        long held = ask(customer, "Vendeur odieux", "Ce vendeur est un connard.").json().get("id").asLong();
        long item = waitForItem(held).get("id").asLong();
        assertProblem(404, post(autre + "/queue/" + item + "/claim", other, "{}"), "demo's item claimed elsewhere");
        assertProblem(404, post(autre + "/queue/" + item + "/decision", other, "{\"decision\":\"approve\"}"),
            "demo's item decided elsewhere");
        assertProblem(404, post("/api/v1/brands/autre/posts/" + held + "/flags", other, "{\"reason\":\"spam\"}"),
            "demo's post flagged elsewhere");
        assertProblem(404, post("/api/v1/brands/autre/complaints/" + held + "/moderation-requests", other,
            "{\"category\":\"duplicate\"}"), "demo's post in a request elsewhere");
        post(DEMO + "/moderation/queue/" + item + "/decision", moderator, "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}");
        Http.Response appeal = post(DEMO + "/moderation/appeals", customer, "{\"subject\":\"ITEM\",\"id\":" + item
            + ",\"statement\":\"Citation\"}");
        assertProblem(404, post(autre + "/appeals/" + appeal.json().get("id").asLong() + "/decision", other,
            "{\"outcome\":\"overturn\",\"reason\":\"Ailleurs\"}"), "demo's appeal decided elsewhere");
        assertProblem(404, post(autre + "/appeals", other, "{\"subject\":\"ITEM\",\"id\":" + item
            + ",\"statement\":\"Pas chez nous\"}"), "demo's decision appealed elsewhere");
        String shell = new org.entraide.moderation.internal.shell.CommandLine(moderation, "autre").deactivating(demoSet).run();
        assertTrue(shell.contains("no rule set " + demoSet), "the shell resolves the id in its brand too: " + shell);
        assertEquals(versions, count(versionsOfDemoSet), "demo's rule set did not change");
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_flag"), "no flag");
        assertEquals("REJECTED", http.get(DEMO + "/moderation/queue?status=DECIDED", moderator).json().get("items").get(0)
            .get("decision").asText(), "decided once, in demo");
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_appeal WHERE decided_at IS NULL"), "the appeal still waits");
    }

    @Test
    void bodiesAreValidatedRecordsUnknownFieldsAndParametersAre400AndListsArePaged() {
        long held = ask(customer, "Vendeur odieux", "Ce vendeur est un connard.").json().get("id").asLong();
        long item = waitForItem(held).get("id").asLong();
        Http.Response unknown = post(DEMO + "/moderation/queue/" + item + "/decision", moderator,
            "{\"decision\":\"approve\",\"comment\":\"ok\"}");
        assertProblem(400, unknown, "an unknown field");
        assertEquals("comment", field(unknown));
        Http.Response wrongType = post(DEMO + "/moderation/queue/" + item + "/decision", moderator, "{\"decision\":true}");
        assertProblem(400, wrongType, "a wrong type");
        assertEquals("decision", field(wrongType));
        assertProblem(400, post(DEMO + "/moderation/sanctions", moderator, "{\"kind\":\"WARNING\",\"reason\":\"x\"}"),
            "no userId");
        assertProblem(400, post(DEMO + "/moderation/dry-run", moderator, "{\"body\":\"x\",\"ruleSet\":1}"), "misspelt");
        Http.Response rule = post(DEMO + "/moderation/rulesets", moderator, "{\"name\":\"Liens\",\"active\":true,\"rules\":"
            + "[{\"name\":\"r\",\"action\":\"TAG\",\"colour\":\"red\",\"condition\":{\"type\":\"links\",\"max\":0},"
            + "\"reason\":{\"fr\":\"x\",\"en\":\"x\"}}]}");
        assertProblem(400, rule, "an unknown field in a rule");
        assertEquals("rules[0].colour", field(rule));
        assertEquals("OPEN", http.get(DEMO + "/moderation/queue?status=OPEN", moderator).json().get("items").get(0)
            .get("status").asText(), "nothing decided by a refused body");

        Http.Response misspelt = http.get(DEMO + "/moderation/queue?stauts=OPEN", moderator);
        assertProblem(400, misspelt, "a misspelt parameter");
        assertEquals("stauts", field(misspelt));
        assertProblem(400, http.get(DEMO + "/moderation/sanctions", moderator), "whose sanctions?");
        assertProblem(404, http.get(DEMO + "/moderation/sanctions?userId=999999", moderator), "no such member");
        assertProblem(404, post(DEMO + "/moderation/queue/999999/claim", moderator, "{}"), "no such item");
        assertProblem(404, http.get(DEMO + "/moderation/rulesets/999999", moderator), "no such rule set");
        for (String list : List.of("/moderation/rulesets", "/moderation/queue", "/moderation/audit", "/moderation/appeals")) {
            JsonNode l = http.get(DEMO + list, moderator).json();
            assertTrue(l.has("items") && l.has("total") && l.has("page") && l.has("size"), list + ": " + l);
        }
        JsonNode one = http.get(DEMO + "/moderation/rulesets?size=1&page=2", moderator).json();
        assertEquals(1, one.get("items").size(), one.toString());
        assertEquals(RuleSets.shipped().size(), one.get("total").asInt(), "every shipped rule set");
    }

    @Test
    void appealsAndTheAuditLogDoNotTieAComplaintToItsAuthorUnlessTheBrandAllowsItLogged() {
        String manager = login("manager@demo.example");
        long customerId = http.get(DEMO + "/me", customer).json().get("id").asLong();
        long complaint = post(DEMO + "/complaints", customer, Http.json("title", "Accueil glacial", "body",
            "Le personnel ne dit même pas bonjour.", "storeCode", "LYON-PARTDIEU")).json().get("id").asLong();
        assertEquals(201, post(DEMO + "/complaints/" + complaint + "/moderation-requests", manager,
            "{\"category\":\"not-about-store\"}").status());
        long item = waitForItem(complaint).get("id").asLong();
        assertEquals(200, post(DEMO + "/moderation/queue/" + item + "/decision", moderator,
            "{\"decision\":\"reject\",\"reasonCode\":\"not-about-store\"}").status());
        assertEquals(201, post(DEMO + "/moderation/appeals", customer, "{\"subject\":\"ITEM\",\"id\":" + item
            + ",\"statement\":\"C'était bien ce magasin\"}").status());

        JsonNode appeal = http.get(DEMO + "/moderation/appeals", admin).json().get("items").get(0);
        assertFalse(appeal.has("appellantId"), "no appellant's id next to a complaint: " + appeal);
        assertTrue(appeal.get("aboutComplaint").asBoolean());
        JsonNode line = appealLine();
        assertTrue(line.get("actorId").isNull() && line.get("actorIsComplainant").asBoolean(), "the audit log neither: " + line);
        String csv = http.get(DEMO + "/moderation/audit?format=csv&action=APPEAL", moderator).raw().body();
        assertFalse(csv.contains("," + customerId + ",APPEAL"), csv);
        assertEquals(0, http.get(DEMO + "/moderation/identity-access", admin).json().get("total").asInt());

        assertFalse(http.get(DEMO + "/moderation/settings", moderator).json().get("revealComplainantsInAppeals").asBoolean(),
            "off by default");
        assertProblem(403, http.put(DEMO + "/moderation/settings", moderator, "{\"revealComplainantsInAppeals\":true}"),
            "brand admins decide");
        assertEquals(200, http.put(DEMO + "/moderation/settings", admin, "{\"revealComplainantsInAppeals\":true}").status());
        assertEquals(customerId, http.get(DEMO + "/moderation/appeals", moderator).json().get("items").get(0)
            .get("appellantId").asLong(), "the brand allows it");
        assertEquals(customerId, appealLine().get("actorId").asLong());
        JsonNode log = http.get(DEMO + "/moderation/identity-access", admin).json();
        assertEquals(2, log.get("total").asInt(), "each showing is logged: " + log);
        assertEquals(complaint, log.get("items").get(0).get("complaintId").asLong());
        assertProblem(403, http.get(DEMO + "/moderation/identity-access", moderator), "brand admins read the log");
    }

    private JsonNode appealLine() {
        return http.get(DEMO + "/moderation/audit?action=APPEAL", moderator).json().get("items").get(0);

    }

    /**
     * Karaf and the tests wire the plugin alike: the services its Declarative Services components provide (read from
     * the descriptors bnd generated) are exactly the kinds of {@code services()}, which these tests install, and the
     * manifest declares no service by hand.
     */
    @Test
    void theComponentsProvideWhatTheTestsInstall() throws Exception {
        java.util.Set<String> provided = org.entraide.core.internal.support.ComponentDescriptors.provided();
        assertTrue(provided.remove(ModerationComponent.class.getName()), "the plugin's own object, shared by its components");
        assertEquals(java.util.Set.of("org.apache.camel.RoutesBuilder", "org.entraide.api.plugin.Capability",
            "org.entraide.api.plugin.SubmissionStep", "org.entraide.api.moderation.PrivateMessageRules",
            "org.entraide.api.plugin.EventSubscriber", "org.entraide.api.privacy.PersonalData"), provided);
        assertEquals(provided, org.entraide.core.internal.support.ComponentDescriptors.kinds(moderation.services(), provided),
            "every kind the components provide is listed, and installed by the tests");
        assertFalse(org.entraide.core.internal.support.ComponentDescriptors.declaredByHand(moderation.getClass()),
            "no service declared by hand");
    }
}
