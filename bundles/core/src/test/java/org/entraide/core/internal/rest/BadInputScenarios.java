package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
 * Whatever a client sends, the answer is a 4xx RFC 9457 problem: field-level errors for invalid fields,
 * 413 past the size limit, 415 for other media types; never a 500 and never a stack trace.
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

    @Test
    void bodiesOverTheLimitAre413WithOrWithoutContentLength() {
        int limit = server.core.bodies.maxBytes();
        String path = "/api/v1/brands/demo/questions/" + question + "/answers";
        byte[] exact = padded("{\"body\":\"an answer of exactly the limit\"}", limit);
        byte[] over = padded("{\"body\":\"an answer one byte over\"}", limit + 1);

        Http.Response atLimit = http.send(json(path).POST(HttpRequest.BodyPublishers.ofByteArray(exact)));
        assertEquals(201, atLimit.status(), "a body of exactly the limit is accepted: " + atLimit);
        assertProblem(413, http.send(json(path).POST(HttpRequest.BodyPublishers.ofByteArray(over))), "one byte over, Content-Length");
        assertProblem(413, http.send(json(path).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over)))),
            "one byte over, chunked");
        byte[] huge = padded("{\"body\":\"a huge answer\"}", 4 * limit);
        assertProblem(413, http.send(json(path).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))),
            "four times the limit, chunked");
        assertEquals(200, http.get("/api/v1/health", null).status(), "the server still answers");
    }

    @Test
    void otherMediaTypesAre415() {
        String path = "/api/v1/brands/demo/questions";
        String body = Http.json("title", "A good title", "body", "b");
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x")) {
            Http.Response r = http.send(http.builder(path, customer.token()).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertProblem(415, r, type);
        }
        Http.Response form = http.send(http.builder(path, customer.token()).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("title=A+good+title&body=b")));
        assertProblem(415, form, "a form");
        Http.Response none = http.send(http.builder(path, customer.token()).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(415, none, "no Content-Type");
        Http.Response charset = http.send(http.builder(path, customer.token()).header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, charset.status(), "application/json with a charset is JSON: " + charset);
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
        assertProblem(400, topic, "a NUL in a topic");
    }

    @Test
    void requestHeadersAreNeverEchoed() {
        String probe = "probe-" + java.util.UUID.randomUUID();
        Member author = community.join("demo");
        List<HttpRequest.Builder> requests = List.of(
            http.builder("/api/v1/brands/demo/questions/" + question, customer.token()).GET(),
            json("/api/v1/brands/demo/questions").POST(HttpRequest.BodyPublishers.ofString(Http.json("title", "Echo test title", "body", "b"))),
            json("/api/v1/brands/demo/questions").POST(HttpRequest.BodyPublishers.ofString("{\"title\":")),
            http.builder("/api/v1/brands/demo/me", "x".repeat(43)).GET(),
            http.builder("/api/v1/brands/demo/posts/" + community.askId(author, "Echo on own post") + "/votes", author.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"value\":1}")),
            http.builder("/api/v1/brands/demo/questions/987654321", customer.token()).GET(),
            json("/api/v1/brands/demo/questions").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[server.core.bodies.maxBytes() + 1])),
            http.builder("/api/v1/brands/demo/questions", customer.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")),
            http.builder("/api/v1/brands/demo/questions", customer.token()).DELETE());
        for (HttpRequest.Builder b : requests) {
            Http.Response r = http.send(b.header("User-Agent", probe).header("X-Probe", probe).header("Cookie", "session=" + probe));
            String what = r.raw().request().method() + " " + r.raw().request().uri().getPath() + " (" + r.status() + ")";
            r.raw().headers().map().forEach((name, values) -> {
                assertFalse(List.of("user-agent", "x-probe", "cookie", "authorization").contains(name.toLowerCase()),
                    what + " echoes no request header, found " + name);
                values.forEach(v -> assertFalse(v.contains(probe) || v.contains(customer.token()),
                    what + " leaks no request header value in " + name + ": " + v));
            });
            assertFalse(r.raw().body().contains(probe) || r.raw().body().contains(customer.token()),
                what + " leaks no request header in its body: " + r);
        }
    }

    @Test
    void credentialsAreTakenFromTheAuthorizationHeaderOnly() {
        Member member = community.join("demo");
        Http.Response query = http.get("/api/v1/brands/demo/me?Authorization=Bearer%20" + member.token(), null);
        assertTrue(query.status() == 400 || query.status() == 401, "a token in the query string is not a credential: " + query);
        Http.Response form = http.send(http.builder("/api/v1/auth/logout", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("Authorization=Bearer%20" + member.token())));
        assertTrue(form.status() >= 400 && form.status() < 500, "a token in a form body is not a credential: " + form);
        assertEquals(200, http.get("/api/v1/brands/demo/me", member.token()).status(), "so the token was not revoked");
        Http.Response typed = http.send(http.builder("/api/v1/brands/demo/questions?Content-Type=application/json", member.token())
            .POST(HttpRequest.BodyPublishers.ofString(Http.json("title", "Typed by the query", "body", "b"))));
        assertTrue(typed.status() == 400 || typed.status() == 415, "the media type comes from the Content-Type header: " + typed);
    }

    private HttpRequest.Builder json(String path) {
        return http.builder(path, customer.token()).header("Content-Type", "application/json");
    }

    /** The JSON object followed by spaces up to exactly {@code size} bytes: still valid JSON. */
    private static byte[] padded(String json, int size) {
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    static void assertProblem(int status, Http.Response r, String what) {
        assertEquals(status, r.status(), what + ": status " + status + " expected: " + r);
        assertEquals("application/problem+json", r.header("Content-Type"), what + " answers a problem document: " + r);
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt(), what + ": the problem repeats the status: " + r);
        assertTrue(p.hasNonNull("type") && p.hasNonNull("title") && p.hasNonNull("detail"), what + ": type, title, detail: " + r);
        String raw = r.raw().body();
        for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "com.fasterxml", "org.apache")) {
            assertFalse(raw.contains(leak), what + ": no stack trace or class name in a response (" + leak + "): " + r);
        }
        assertNotEquals(500, r.status(), what + " is never an internal error");
    }
}
