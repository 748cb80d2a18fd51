package org.entraide.core.internal.rest;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever body or query a client sends, the answer is a 4xx RFC 9457 problem, with field-level errors for
 * invalid fields; never a 500 and never a stack trace.
 */
public abstract class BadInputScenarios extends ApiScenarios {
    private Member customer;
    private long question;
    private long complaint;

    @BeforeAll
    void someContent() {
        customer = community.join("demo");
        Member author = community.join("demo");
        question = community.askId(author, "A question to send bad input to");
        complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        community.respond(community.demo("manager"), "demo", complaint, "A response, so that a verdict is possible.");
    }

    Stream<Arguments> invalidFields() {
        String questions = "/api/v1/brands/demo/questions";
        String votes = "/api/v1/brands/demo/posts/" + question + "/votes";
        String accept = "/api/v1/brands/demo/questions/" + question + "/accept";
        String resolution = "/api/v1/brands/demo/complaints/" + complaint + "/resolution";
        return Stream.of(
            Arguments.of("unknown field", questions, "{\"title\":\"A good title\",\"body\":\"b\",\"colour\":\"red\"}", "colour"),
            Arguments.of("missing field", questions, "{\"body\":\"no title\"}", "title"),
            Arguments.of("blank field", questions, "{\"title\":\"     \",\"body\":\"b\"}", "title"),
            Arguments.of("too long field", questions, Http.json("title", "t".repeat(201), "body", "b"), "title"),
            Arguments.of("too long body", questions, Http.json("title", "A good title", "body", "b".repeat(20_001)), "body"),
            Arguments.of("too many tags", questions, Http.json("title", "A good title", "body", "b",
                "tags", List.of("a", "b", "c", "d", "e", "f")), "tags"),
            Arguments.of("malformed tag", questions, Http.json("title", "A good title", "body", "b", "tags", List.of("Not A Tag")), "tags"),
            Arguments.of("number for a text", questions, "{\"title\":12345,\"body\":\"b\"}", "title"),
            Arguments.of("boolean for a text", questions, "{\"title\":\"A good title\",\"body\":true}", "body"),
            Arguments.of("text for a list", questions, "{\"title\":\"A good title\",\"body\":\"b\",\"tags\":\"abc\"}", "tags"),
            Arguments.of("text for a number", votes, "{\"value\":\"1\"}", "value"),
            Arguments.of("fraction for a whole number", votes, "{\"value\":0.7}", "value"),
            Arguments.of("boolean for a number", votes, "{\"value\":true}", "value"),
            Arguments.of("text for an id", accept, "{\"answerId\":\"first\"}", "answerId"),
            Arguments.of("fraction for a rating", resolution, "{\"resolved\":true,\"rating\":7.5,\"wouldBuyAgain\":true}", "rating"),
            Arguments.of("text for a boolean", resolution, "{\"resolved\":\"yes\",\"rating\":7,\"wouldBuyAgain\":true}", "resolved"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void invalidFieldsAreNamedInTheProblem(String what, String path, String body, String field) {
        Http.Response r = http.post(path, customer.token(), body);
        assertProblem(400, r, what);
        JsonNode errors = r.json().get("errors");
        assertTrue(errors != null && errors.isArray() && !errors.isEmpty(), what + " lists field errors: " + r);
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.stream().anyMatch(f -> f.startsWith(field)), what + " names " + field + ": " + r);
        errors.forEach(e -> assertFalse(e.get("message").asText().contains("${"),
            what + " has a readable message: " + e));
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
            Arguments.of("truncated JSON", "{\"title\": \"x\","),
            Arguments.of("unquoted names", "{title:\"x\",body:\"y\"}"),
            Arguments.of("an array", "[]"),
            Arguments.of("null", "null"),
            Arguments.of("a string", "\"a question\""),
            Arguments.of("no body", ""),
            Arguments.of("two objects", "{} {}"),
            Arguments.of("a duplicate field", "{\"title\":\"A good title\",\"title\":\"Another title\",\"body\":\"b\"}"),
            Arguments.of("deep nesting", "[".repeat(5_000)),
            Arguments.of("a number too big", "{\"title\":\"A good title\",\"body\":\"b\",\"tags\":[],\"topic\":1e999999}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreBadRequests(String what, String body) {
        assertProblem(400, http.post("/api/v1/brands/demo/questions", customer.token(), body), what);
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = "{\"title\":\"caf\u00e9 au lait\",\"body\":\"b\"}".getBytes(StandardCharsets.ISO_8859_1);
        Http.Response r = http.send(http.builder("/api/v1/brands/demo/questions", customer.token())
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertProblem(400, r, "Latin-1 bytes sent as JSON");
    }

    @Test
    void duplicateVoteFieldIsNotAnInternalError() {
        Member voter = community.join("demo");
        Http.Response r = http.post("/api/v1/brands/demo/posts/" + question + "/votes", voter.token(), "{\"value\":1,\"value\":-1}");
        assertProblem(400, r, "an ambiguous vote");
    }

    static Stream<Arguments> oddQueries() {
        return Stream.of(
            Arguments.of("/api/v1/brands/demo/questions?tag=%00"),
            Arguments.of("/api/v1/brands/demo/questions?topic=a%00b"),
            Arguments.of("/api/v1/brands/demo/questions?q=%00"),
            Arguments.of("/api/v1/brands/demo/questions?q=%25%5C_"),
            Arguments.of("/api/v1/brands/demo/questions?page=99999999999"),
            Arguments.of("/api/v1/brands/demo/questions?page=2147483647&size=100"),
            Arguments.of("/api/v1/brands/demo/complaints?store=%00"),
            Arguments.of("/api/v1/brands/demo/stores?q=%00"),
            Arguments.of("/api/v1/brands/demo/questions?Content-Length=abc"),
            Arguments.of("/api/v1/brands/demo/questions/-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddQueries")
    void oddQueriesAreNeverInternalErrors(String path) {
        Http.Response r = http.get(path, null);
        assertTrue(r.status() < 500, path + " is not a server error: " + r);
        if (r.status() >= 400) {
            assertProblem(r.status(), r, path);
        }
    }

    @Test
    void requestsNoEndpointTakesAreClientErrors() {
        for (HttpRequest.Builder b : List.of(http.builder("/api/v1/no-such-endpoint", null).GET(),
                http.builder("/api/v1/brands/demo/questions", customer.token()).DELETE(),
                http.builder("/api/v1/brands/de%00mo/questions", null).GET())) {
            Http.Response r = http.send(b);
            assertTrue(r.status() >= 400 && r.status() < 500, b.build().uri() + " is a client error: " + r);
            assertFalse(r.raw().body().contains("Exception") || r.raw().body().contains("at org."), "without a stack trace: " + r);
        }
    }

    @Test
    void unknownQueryParametersAreRefusedAndNamed() {
        Http.Response r = http.get("/api/v1/brands/demo/questions?tpoic=livraison", null);
        assertProblem(400, r, "a misspelt parameter is not silently ignored");
        assertEquals("tpoic", r.json().get("errors").get(0).get("field").asText(), "the parameter is named: " + r);
        assertEquals(200, http.get("/api/v1/brands/demo/questions?topic=livraison", null).status(), "a documented one works");
    }

    @Test
    void storeCoordinatesOutOfRangeHaveReadableMessages() {
        Http.Response r = http.post("/api/v1/brands/demo/stores", community.demo("admin").token(), Http.json("code", "FAR-AWAY",
            "name", "Far away", "city", "Nowhere", "postalCode", "00000", "latitude", 91.5, "longitude", -180.5));
        assertProblem(400, r, "coordinates out of range");
        assertEquals(2, r.json().get("errors").size(), "one error per coordinate: " + r);
        r.json().get("errors").forEach(e -> assertTrue(e.get("message").asText().matches("must be between -?\\d+ and \\d+"),
            "a readable message: " + e));
    }

    @Test
    void nulCharactersInLookupsAreNeverInternalErrors() {
        Http.Response login = http.post("/api/v1/auth/login", null, Http.json("brand", "demo", "email", "a\u0000b@demo.example",
            "password", "whatever-password"));
        assertTrue(login.status() == 400 || login.status() == 401, "a NUL in a login e-mail is refused: " + login);
        Http.Response store = community.complain(customer, "demo", "About a store with a NUL", "body", "LYON\u0000", false);
        assertProblem(400, store, "a NUL in a store code");
        Http.Response topic = community.ask(customer, "demo", "About a topic with a NUL", "body", "jardin\u0000", List.of());
        assertEquals(201, topic.status(), "a NUL is dropped as it enters, like every control character: " + topic);
        assertEquals("jardin", topic.json().get("topic").get("slug").asText(), topic.toString());
    }
}
