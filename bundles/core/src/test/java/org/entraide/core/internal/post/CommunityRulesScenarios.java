package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Community rules over real HTTP and a real database: concurrent votes and accepts stay consistent, tokens
 * expire and are revoked, store managers act on their stores only, stored HTML never runs, bad bodies get
 * 413/415. Subclasses choose H2 or PostgreSQL.
 */
abstract class CommunityRulesScenarios {
    static final String DEMO = "/api/v1/brands/demo";

    TestServer server;
    Http http;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withRateLimits(Map.of("post", 10_000)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    String login(String email, String password) {
        Http.Response r = http.post("/api/v1/auth/login", null,
            "{\"brand\":\"demo\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.status(), r.toString());
        return r.json().get("token").asText();
    }

    List<String> registerVoters(int n) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = "voter" + i + "@example.org";
            assertEquals(202, http.post("/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"" + email
                + "\",\"password\":\"voter-password\",\"pseudonym\":\"voter" + i + "\"}").status());
            tokens.add(login(email, "voter-password"));
        }
        return tokens;
    }

    long ask(String token, String title) {
        Http.Response r = http.post(DEMO + "/questions", token, "{\"title\":\"" + title + "\",\"body\":\"corps\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
    }

    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, tasks.size()));
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentVotesOnOnePostAddUp() throws Exception {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        long q = ask(camille, "Question très votée");
        List<String> voters = registerVoters(12);
        List<Callable<Integer>> votes = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            String token = voters.get(i);
            int value = i % 3 == 0 ? -1 : 1;
            votes.add(() -> http.post(DEMO + "/posts/" + q + "/votes", token, "{\"value\":" + value + "}").status());
            // the same voter twice at once: counted once
            votes.add(() -> http.post(DEMO + "/posts/" + q + "/votes", token, "{\"value\":" + value + "}").status());
        }
        List<Integer> statuses = concurrently(votes);
        assertTrue(statuses.stream().allMatch(s -> s == 200), "every vote answered 200: " + statuses);
        Http.Response read = http.get(DEMO + "/questions/" + q, null);
        assertEquals(8 - 4, read.json().get("score").asInt(), "8 up and 4 down, each voter counted once");
        assertEquals(8, read.json().get("upVotes").asInt());
        long rows = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM vote WHERE post_id = ?", q));
        assertEquals(12, rows, "one vote row per voter");
        long cast = server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM domain_event WHERE event_type = 'vote.cast' AND subject_id = ?", q));
        assertEquals(12, cast, "one vote.cast event per voter");
    }

    @Test
    void concurrentAcceptsLeaveExactlyOneAcceptedAnswer() throws Exception {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        long q = ask(camille, "Question aux réponses multiples");
        List<String> voters = registerVoters(6);
        List<Long> answers = new ArrayList<>();
        for (String t : voters) {
            answers.add(http.post(DEMO + "/questions/" + q + "/answers", t, "{\"body\":\"réponse\"}").json().get("id").asLong());
        }
        List<Callable<Integer>> accepts = new ArrayList<>();
        for (long a : answers) {
            accepts.add(() -> http.post(DEMO + "/questions/" + q + "/accept", camille, "{\"answerId\":" + a + "}").status());
        }
        List<Integer> statuses = concurrently(accepts);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "200 or 409 only: " + statuses);
        assertTrue(statuses.contains(200));
        Http.Response read = http.get(DEMO + "/questions/" + q, null);
        long accepted = read.json().get("acceptedAnswerId").asLong();
        long flagged = 0;
        for (var a : read.json().get("answers")) {
            flagged += a.get("accepted").asBoolean() ? 1 : 0;
        }
        assertEquals(1, flagged, "exactly one answer is marked accepted");
        long acceptedEvents = server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM domain_event WHERE event_type = 'answer.accepted' AND subject_id = ?", q));
        long unacceptedEvents = server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM domain_event WHERE event_type = 'answer.unaccepted' AND subject_id = ?", q));
        assertEquals(statuses.stream().filter(s -> s == 200).count(), acceptedEvents, "one event per successful accept");
        assertEquals(acceptedEvents - 1, unacceptedEvents, "every change of mind withdrew the previous answer");
        String last = server.core.db.inTransaction(c -> Sql.one(c, "SELECT payload FROM domain_event WHERE event_type = "
            + "'answer.accepted' AND subject_id = ? ORDER BY id DESC", rs -> rs.getString(1), q).orElseThrow());
        assertTrue(last.contains("\"answerId\":" + accepted), "the last accept event names the accepted answer");
    }

    @Test
    void tokensExpireAndAreRevoked() throws Exception {
        server.close();
        server = new TestServer(dataSource(), CoreSettings.defaults().withTokenLifetime(Duration.ofSeconds(2)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        String token = login("customer@demo.example", DemoSeeder.PASSWORD);
        assertEquals(200, http.get(DEMO + "/me", token).status());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> http.get(DEMO + "/me", token).status() == 401);
        String other = login("customer@demo.example", DemoSeeder.PASSWORD);
        assertEquals(204, http.post("/api/v1/auth/logout", other, "").status());
        assertEquals(401, http.get(DEMO + "/me", other).status(), "a revoked token is refused");
        assertEquals(401, login401("customer@demo.example", "wrong-password"));
    }

    int login401(String email, String password) {
        return http.post("/api/v1/auth/login", null,
            "{\"brand\":\"demo\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").status();
    }

    @Test
    void storeManagersRespondForTheirStoresOnly() {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        String manager = login("manager@demo.example", DemoSeeder.PASSWORD);
        long elsewhere = http.post(DEMO + "/complaints", camille, "{\"title\":\"Problème à Bordeaux\",\"body\":\"x\","
            + "\"storeCode\":\"BORDEAUX-LAC\"}").json().get("id").asLong();
        assertEquals(403, http.post(DEMO + "/complaints/" + elsewhere + "/responses", manager, "{\"body\":\"non\"}").status());
        assertEquals(403, http.post(DEMO + "/complaints/" + elsewhere + "/responses", camille, "{\"body\":\"non\"}").status());
        String admin = login("admin@demo.example", DemoSeeder.PASSWORD);
        assertEquals(201, http.post(DEMO + "/complaints/" + elsewhere + "/responses", admin, "{\"body\":\"Le siège répond.\"}")
            .status(), "the central team answers any complaint");
    }

    @Test
    void moderationDecisionsChangeVisibilityWithTheirEvents() {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        String lucas = login("lucas@demo.example", DemoSeeder.PASSWORD);
        long q = ask(camille, "Question à modérer");
        long a = http.post(DEMO + "/questions/" + q + "/answers", lucas, "{\"body\":\"réponse douteuse\"}").json().get("id").asLong();
        long brand = server.core.brands.require("demo").id();
        server.core.publications.change(brand, a, org.entraide.api.model.PublicationState.HIDDEN, null, "spam");
        Http.Response read = http.get(DEMO + "/questions/" + q, null);
        assertEquals(0, read.json().get("answers").size(), "a hidden answer is not public");
        assertEquals(0, read.json().get("answerCount").asInt(), "and no longer counted");
        server.core.publications.change(brand, a, org.entraide.api.model.PublicationState.PUBLISHED, null, "appeal granted");
        assertEquals(1, http.get(DEMO + "/questions/" + q, null).json().get("answerCount").asInt());
        server.core.publications.change(brand, q, org.entraide.api.model.PublicationState.REJECTED, null, "off-topic");
        assertEquals(404, http.get(DEMO + "/questions/" + q, null).status());
        List<String> types = server.core.db.inTransaction(c -> Sql.list(c, "SELECT event_type FROM domain_event WHERE "
            + "subject_id IN (?, ?) AND event_type IN ('post.hidden', 'post.published', 'post.rejected') ORDER BY id",
            rs -> rs.getString(1), q, a));
        assertEquals(List.of("post.published", "post.published", "post.hidden", "post.published", "post.rejected"), types);
        assertEquals(404, assertThrowsStatus(() -> server.core.publications.change(brand + 1000, a,
            org.entraide.api.model.PublicationState.HIDDEN, null, "x")), "another brand's post does not exist");
    }

    @Test
    void aModeratorsCorrectionIsCheckedCleanedAndPublishedWithItsEvent() {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        long q = ask(camille, "Question à corriger");
        long brand = server.core.brands.require("demo").id();
        var publications = server.core.publications;
        assertEquals(409, assertThrowsStatus(() -> publications.publishEdited(brand, q, null, "corrigé", null, "approved")),
            "a public post is not edited behind its readers' back");
        publications.change(brand, q, org.entraide.api.model.PublicationState.HIDDEN, null, "flagged by members");
        assertEquals(400, assertThrowsStatus(() -> publications.publishEdited(brand, q, null, " \u0007 ", null, "approved")),
            "an empty body");
        assertEquals(400, assertThrowsStatus(() -> publications.publishEdited(brand, q, null, "x".repeat(20001), null, "approved")),
            "over the size limit");
        assertEquals(400, assertThrowsStatus(() -> publications.publishEdited(brand, q, "abc", "corrigé", null, "approved")),
            "a title too short");
        assertEquals(404, http.get(DEMO + "/questions/" + q, null).status(), "refused corrections change nothing");

        publications.publishEdited(brand, q, "  Question\ncorrigée  ", "Texte **corrigé**\u0000 par la modération", null, "approved");
        JsonNode shown = http.get(DEMO + "/questions/" + q, null).json();
        assertEquals("Question corrigée", shown.get("title").asText(), "cleaned as a submitted title");
        assertEquals("Texte **corrigé** par la modération", shown.get("body").asText());
        assertTrue(shown.get("bodyHtml").asText().contains("<strong>corrigé</strong>"), shown.toString());
        String payload = server.core.db.inTransaction(c -> Sql.one(c, "SELECT payload FROM domain_event WHERE subject_id = ? "
            + "AND event_type = 'post.published' ORDER BY id DESC LIMIT 1", rs -> rs.getString(1), q)).orElseThrow();
        assertTrue(payload.contains("\"edited\":true") && payload.contains("\"from\":\"HIDDEN\""), payload);
    }

    static int assertThrowsStatus(Runnable r) {
        try {
            r.run();
        } catch (org.entraide.api.problem.ProblemException e) {
            return e.status();
        }
        throw new AssertionError("expected a problem");
    }

    @Test
    void storedHtmlNeverRuns() {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        Http.Response r = http.post(DEMO + "/questions", camille, "{\"title\":\"<b>Titre</b> piégé\",\"body\":"
            + "\"<script>alert(1)</script>\\n\\nTexte <img src=x onerror=alert(2)> et [lien](javascript:alert(3)) "
            + "et <a href=\\\"javascript:alert(4)\\\">a</a> **gras**\"}");
        assertEquals(201, r.status(), r.toString());
        String html = r.json().get("bodyHtml").asText();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), "no image tag, only its text: " + html);
        assertFalse(html.contains("onerror="), "no event handler attribute: " + html);
        assertFalse(html.contains("href=\"javascript:"), "no javascript: link: " + html);
        assertTrue(html.contains("<strong>gras</strong>"), "Markdown still renders: " + html);
    }

    @Test
    void oversizedAndNonJsonBodiesAreRefused() {
        String camille = login("customer@demo.example", DemoSeeder.PASSWORD);
        String big = "{\"title\":\"Un titre\",\"body\":\"" + "x".repeat(70_000) + "\"}";
        Http.Response chunked = http.send(http.builder(DEMO + "/questions", camille).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertEquals(413, chunked.status(), "a chunked body over the limit: " + chunked);
        Http.Response text = http.send(http.builder(DEMO + "/questions", camille).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Un titre\",\"body\":\"b\"}")));
        assertEquals(415, text.status(), text.toString());
        long before = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post"));
        assertEquals(400, http.post(DEMO + "/questions", camille, "{\"title\":\"Un titre\",\"body\":\"b\",\"x\":1}").status());
        assertEquals(before, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post")),
            "a refused request stores nothing");
    }
}
