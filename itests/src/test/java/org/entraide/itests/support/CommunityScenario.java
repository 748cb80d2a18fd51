package org.entraide.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.UUID;

/**
 * The main journey over HTTP against a running distribution with the demo brand: register, ask, answer,
 * vote, accept, complain about a store, respond as its manager, resolve; bad inputs; cross-brand access.
 */
public final class CommunityScenario {
    private static final String DEMO = "/api/v1/brands/demo";
    private static final String PASSWORD = "entraide-demo";

    private final ApiClient api;

    public CommunityScenario(ApiClient api) {
        this.api = api;
    }

    /**
     * Opens the newest verification link, as the member who just registered would from their mailbox: read here
     * through the brand admin's outbox, which shows bodies but never recipients.
     */
    public static void verifyNewestAddress(ApiClient api) {
        String admin = api.login("demo", "admin@demo.example", PASSWORD);
        com.fasterxml.jackson.databind.JsonNode items = api.get(DEMO + "/mail/outbox?page=1&size=50", admin).json.get("items");
        for (com.fasterxml.jackson.databind.JsonNode item : items) {
            if (item.get("key").asText().startsWith("account-verify-")) {
                String text = api.get(DEMO + "/mail/outbox/" + item.get("id").asLong(), admin).json.get("text").asText();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})").matcher(text);
                assertTrue("a verification link in: " + text, m.find());
                ApiClient.Response v = api.post(DEMO + "/email-verification/" + m.group(1), null, "");
                assertEquals(v.toString(), 204, v.status());
                return;
            }
        }
        throw new AssertionError("no verification e-mail in the outbox: " + items);
    }

    public void run() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "asker-" + suffix + "@example.org";
        ApiClient.Response reg = api.post("/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"" + email
            + "\",\"password\":\"correct-horse-battery\",\"pseudonym\":\"asker-" + suffix + "\"}");
        assertEquals(reg.toString(), 202, reg.status());
        String asker = api.login("demo", email, "correct-horse-battery");
        verifyNewestAddress(api);
        String lucas = api.login("demo", "lucas@demo.example", PASSWORD);

        ApiClient.Response q = api.post(DEMO + "/questions", asker,
            "{\"title\":\"Quelle colle pour du carrelage ?\",\"body\":\"Sur un mur humide.\",\"topic\":\"bricolage\",\"tags\":[\"colle\"]}");
        assertEquals(q.toString(), 201, q.status());
        long questionId = q.json.get("id").asLong();
        assertEquals(DEMO + "/questions/" + questionId, q.header("Location"));

        ApiClient.Response a = api.post(DEMO + "/questions/" + questionId + "/answers", lucas,
            "{\"body\":\"Une colle **C2** spéciale pièces humides.\"}");
        assertEquals(a.toString(), 201, a.status());
        long answerId = a.json.get("id").asLong();

        ApiClient.Response vote = api.post(DEMO + "/posts/" + answerId + "/votes", asker, "{\"value\":1}");
        assertEquals(vote.toString(), 200, vote.status());
        assertEquals(1, vote.json.get("score").asInt());
        ApiClient.Response own = api.post(DEMO + "/posts/" + answerId + "/votes", lucas, "{\"value\":1}");
        assertEquals("no voting on one's own post: " + own, 403, own.status());

        ApiClient.Response accept = api.post(DEMO + "/questions/" + questionId + "/accept", asker,
            "{\"answerId\":" + answerId + "}");
        assertEquals(accept.toString(), 200, accept.status());
        ApiClient.Response read = api.get(DEMO + "/questions/" + questionId, null);
        assertEquals(answerId, read.json.get("acceptedAnswerId").asLong());
        assertTrue(read.json.get("answers").get(0).get("accepted").asBoolean());

        complaintJourney(asker, email);
        badInputs(asker);
        crossBrand(asker, questionId);
    }

    private void complaintJourney(String complainant, String email) {
        ApiClient.Response c = api.post(DEMO + "/complaints", complainant,
            "{\"title\":\"Carrelage livré cassé\",\"body\":\"Trois carreaux sur dix cassés.\",\"storeCode\":\"LYON-PARTDIEU\"}");
        assertEquals(c.toString(), 201, c.status());
        long id = c.json.get("id").asLong();
        ApiClient.Response publicView = api.get(DEMO + "/complaints/" + id, null);
        assertFalse("the complainant's e-mail is never public", publicView.raw.body().contains(email));
        assertTrue("no pseudonym unless chosen", publicView.json.get("author").isNull());

        String manager = api.login("demo", "manager@demo.example", PASSWORD);
        ApiClient.Response r = api.post(DEMO + "/complaints/" + id + "/responses", manager,
            "{\"body\":\"Désolés : passez à l'accueil, nous échangeons les carreaux.\"}");
        assertEquals(r.toString(), 201, r.status());
        assertEquals("ANSWERED", r.json.get("complaint").get("status").asText());

        String customer = api.login("demo", "customer@demo.example", PASSWORD);
        ApiClient.Response notMine = api.post(DEMO + "/complaints/" + id + "/resolution", customer,
            "{\"resolved\":true,\"rating\":9,\"wouldBuyAgain\":true}");
        assertEquals("only the complainant resolves: " + notMine, 403, notMine.status());
        ApiClient.Response resolved = api.post(DEMO + "/complaints/" + id + "/resolution", complainant,
            "{\"resolved\":true,\"rating\":9,\"wouldBuyAgain\":true}");
        assertEquals(resolved.toString(), 200, resolved.status());
        assertEquals("RESOLVED", resolved.json.get("status").asText());
        assertEquals(9, resolved.json.get("rating").asInt());
    }

    private void badInputs(String token) {
        ApiClient.Response malformed = api.post(DEMO + "/questions", token, "{\"title\":");
        assertProblem(malformed, 400);
        ApiClient.Response unknown = api.post(DEMO + "/questions", token,
            "{\"title\":\"Un titre correct\",\"body\":\"b\",\"colour\":\"red\"}");
        assertProblem(unknown, 400);
        assertEquals("colour", unknown.json.get("errors").get(0).get("field").asText());
        ApiClient.Response missing = api.post(DEMO + "/questions", token, "{\"title\":\"Un titre correct\"}");
        assertProblem(missing, 400);
        ApiClient.Response tooLong = api.post(DEMO + "/questions", token,
            "{\"title\":\"" + "x".repeat(201) + "\",\"body\":\"b\"}");
        assertProblem(tooLong, 400);
        ApiClient.Response huge = api.post(DEMO + "/questions", token,
            "{\"title\":\"Un titre correct\",\"body\":\"" + "x".repeat(70_000) + "\"}");
        assertProblem(huge, 413);
        assertProblem(api.post(DEMO + "/questions", null, "{}"), 401);
        assertProblem(api.get("/api/v1/brands/nosuchbrand/questions", null), 404);
    }

    private void crossBrand(String demoToken, long demoQuestion) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = api.post("/api/v1/admin/brands", ApiClientAuth.basic("karaf", "karaf"),
            "{\"slug\":\"other-" + suffix + "\",\"name\":\"Other\",\"adminEmail\":\"admin@other.example\","
                + "\"adminPassword\":\"other-admin-pass\",\"adminPseudonym\":\"other-admin\"}");
        assertEquals(created.toString(), 201, created.status());
        String other = "/api/v1/brands/other-" + suffix;
        ApiClient.Response denied = api.post(other + "/questions", demoToken,
            "{\"title\":\"Question ailleurs\",\"body\":\"b\"}");
        assertProblem(denied, 403);
        String otherAdmin = api.login("other-" + suffix, "admin@other.example", "other-admin-pass");
        ApiClient.Response foreign = api.get(other + "/questions/" + demoQuestion, otherAdmin);
        assertProblem(foreign, 404);
        ApiClient.Response noAdmin = api.post("/api/v1/admin/brands", ApiClientAuth.basic("karaf", "wrong"), "{}");
        assertProblem(noAdmin, 401);
    }

    static void assertProblem(ApiClient.Response r, int status) {
        assertEquals(r.toString(), status, r.status());
        assertEquals(r.toString(), "application/problem+json", r.header("Content-Type"));
        assertEquals(status, r.json.get("status").asInt());
        assertFalse("no stack trace in responses", r.raw.body().contains("\tat "));
    }
}
