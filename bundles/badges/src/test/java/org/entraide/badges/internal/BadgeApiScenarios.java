package org.entraide.badges.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The badges API as a stranger attacks it: every write method works, every bad body is a problem naming the field
 * (never a Java class), ids of another brand or of nobody are 404, unknown query parameters 400, lists are pages.
 */
abstract class BadgeApiScenarios {
    Bed bed;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Bed(dataSource()).install().enable(true);
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    private Http.Response send(String method, String path, String token, String json) {
        var b = bed.http.builder(path, token).header("Content-Type", "application/json");
        var body = HttpRequest.BodyPublishers.ofString(json);
        return bed.http.send(method.equals("POST") ? b.POST(body) : b.PUT(body));
    }

    private static void assertProblem(int status, Http.Response r, String why) {
        assertEquals(status, r.status(), why + ": " + r);
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), why + ", as a problem: " + r);
        String text = r.raw().body();
        assertFalse(text.contains("org.entraide") || text.contains("Exception") || text.contains("java."),
            why + ", naming no Java class: " + text);
    }

    @Test
    void aBadgeIsCreatedOrReplacedByPutOnTheListAndOnItsAddress() {
        Http.Response created = send("PUT", Bed.DEMO + "/badges", bed.admin,
            BadgeScenarios.badge("put-first", "user.answers >= 3", ""));
        assertEquals(200, created.status(), "PUT on the list creates by the body's key: " + created);
        Http.Response replaced = send("PUT", Bed.DEMO + "/badges/put-first", bed.admin,
            BadgeScenarios.badge("put-first", "user.answers >= 4", "").replace("\"key\":\"put-first\",", ""));
        assertEquals(200, replaced.status(), "PUT on its address replaces it, the key taken from the URL: " + replaced);
        assertEquals("user.answers >= 4", bed.http.get(Bed.DEMO + "/badges/put-first", null).json()
            .get("badge").get("criterion").asText());
        Http.Response other = send("PUT", Bed.DEMO + "/badges/put-first", bed.admin,
            BadgeScenarios.badge("put-second", "user.answers >= 4", ""));
        assertProblem(400, other, "a body naming another badge than the URL");
        assertEquals("key", other.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void everyBadBodyIsAProblemNamingTheFieldAndNothingIsStored() {
        String good = BadgeScenarios.badge("bad-body", "user.answers >= 3", "");
        Map<String, String> bodies = Map.of(
            "name", good.replace("\"name\":{\"fr\":\"Nom bad-body\",\"en\":\"Name bad-body\"}", "\"name\":\"just text\""),
            "criterion", good.replace("\"criterion\":\"user.answers >= 3\"", "\"criterion\":null"),
            "colour", good.replace("\"tier\":", "\"colour\":\"red\",\"tier\":"),
            "tier", good.replace("\"tier\":\"bronze\"", "\"tier\":5"),
            "repeatable", good.replace("\"tier\":", "\"repeatable\":\"yes\",\"tier\":"),
            "name.en", good.replace(",\"en\":\"Name bad-body\"", ""),
            "description", good.replace(",\"description\":{\"fr\":\"Description\",\"en\":\"Description\"}", ""));
        for (var e : bodies.entrySet()) {
            for (String method : List.of("POST", "PUT")) {
                Http.Response r = send(method, Bed.DEMO + "/badges", bed.admin, e.getValue());
                assertProblem(400, r, method + " with a bad " + e.getKey());
                assertEquals(e.getKey(), r.json().get("errors").get(0).get("field").asText(), "the field is named: " + r);
            }
        }
        assertProblem(400, send("POST", Bed.DEMO + "/badges", bed.admin, "[1, 2]"), "an array");
        assertProblem(400, send("PUT", Bed.DEMO + "/badges/bad-body", bed.admin, "null"), "null");
        Http.Response grammar = send("POST", Bed.DEMO + "/badges", bed.admin, BadgeScenarios.badge("bad-body", "user.answrs >= 3", ""));
        assertProblem(422, grammar, "a criterion outside the grammar");
        assertEquals("criterion", grammar.json().get("errors").get(0).get("field").asText());
        assertEquals(404, bed.http.get(Bed.DEMO + "/badges/bad-body", null).status(), "nothing was stored");
    }

    @Test
    void idsOfAnotherBrandAreUnknownHereAndNothingChanges() {
        String acmeAdmin = bed.otherBrand("acme");
        assertEquals(201, send("POST", "/api/v1/brands/acme/badges", acmeAdmin,
            BadgeScenarios.badge("acme-only", "user.answers >= 1", "")).status());
        Bed.Member demoMember = bed.register("Denise");
        long acmeMember = bed.count("SELECT id FROM app_user WHERE email = 'admin@acme.example'");

        assertProblem(404, bed.http.get(Bed.DEMO + "/badges/acme-only", null), "another brand's badge");
        assertProblem(404, bed.http.get(Bed.DEMO + "/badges/acme-only/holders", null), "its holders");
        assertProblem(404, bed.http.get(Bed.DEMO + "/badges/acme-only/progress", demoMember.token()), "progress towards it");
        assertProblem(404, bed.http.get(Bed.DEMO + "/users/" + acmeMember + "/badges", null), "another brand's member");
        assertProblem(404, bed.http.get("/api/v1/brands/acme/users/" + demoMember.id() + "/badges", null),
            "a demo member seen from acme");
        assertProblem(403, send("PUT", Bed.DEMO + "/badges/acme-only", acmeAdmin,
            BadgeScenarios.badge("acme-only", "user.answers >= 9", "")), "acme's admin writing to demo");
        assertProblem(403, send("PUT", "/api/v1/brands/acme/badges/acme-only", bed.admin,
            BadgeScenarios.badge("acme-only", "user.answers >= 9", "")), "demo's admin writing to acme");
        assertEquals("user.answers >= 1", bed.http.get("/api/v1/brands/acme/badges/acme-only", null).json()
            .get("badge").get("criterion").asText(), "acme's badge is unchanged");
        assertEquals(404, bed.http.get(Bed.DEMO + "/badges/acme-only", null).status(), "and demo has none");
    }

    @Test
    void unknownIdsAre404UnknownQueryParameters400AndListsArePages() {
        assertProblem(404, bed.http.get(Bed.DEMO + "/users/987654321/badges", null), "nobody's badges");
        assertProblem(404, bed.http.get(Bed.DEMO + "/users/abc/badges", null), "a malformed member id");
        assertProblem(404, bed.http.get(Bed.DEMO + "/badges/no-such-badge", null), "an unknown badge");
        assertProblem(404, bed.http.get(Bed.DEMO + "/badges/no-such-badge/holders", null), "its holders");

        Bed.Member bob = bed.register("Bob");
        for (String path : List.of("/badges?sort=key", "/badges/first-answer?lang=fr", "/badges/first-answer/holders?pg=2",
            "/users/" + bob.id() + "/badges?revoked=true", "/badges/first-answer/progress?scope=x")) {
            Http.Response r = bed.http.get(Bed.DEMO + path, bob.token());
            assertProblem(400, r, "an unknown query parameter on " + path);
            assertEquals(path.substring(path.indexOf('?') + 1, path.indexOf('=')), r.json().get("errors").get(0)
                .get("field").asText(), "the parameter is named: " + r);
        }

        JsonNode list = bed.http.get(Bed.DEMO + "/badges?page=2&size=5", null).json();
        assertEquals(List.of("items", "total", "page", "size"), fields(list), "a list is a page: " + list);
        assertEquals(22, list.get("total").asInt(), "the shipped set");
        assertEquals(5, list.get("items").size());
        assertEquals(2, list.get("page").asInt());
        JsonNode holders = bed.http.get(Bed.DEMO + "/badges/first-answer/holders", null).json();
        assertEquals(List.of("items", "total", "page", "size"), fields(holders), "holders are a page: " + holders);
        JsonNode mine = bed.http.get(Bed.DEMO + "/users/" + bob.id() + "/badges", null).json();
        assertEquals(List.of("items", "total", "page", "size"), fields(mine), "a member's badges are a page: " + mine);
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
