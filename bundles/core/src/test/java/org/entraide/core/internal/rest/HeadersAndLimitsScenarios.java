package org.entraide.core.internal.rest;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What travels around the JSON: a size limit answered with 413 whether or not the length is announced,
 * 415 for other media types, request headers never echoed, credentials only from the Authorization header.
 */
public abstract class HeadersAndLimitsScenarios extends ApiScenarios {
    static final int LIMIT = 8 * 1024;
    private Member customer;
    private long question;

    @Override
    protected CoreSettings settings() {
        return CoreSettings.defaults().withMaxBodyBytes(LIMIT);
    }

    @BeforeAll
    void someContent() {
        customer = community.join("demo");
        question = community.askId(community.join("demo"), "A question to send odd requests to");
    }

    @Test
    void bodiesOverTheLimitAre413WithOrWithoutContentLength() {
        int limit = LIMIT;
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
    void theLimitFollowsAConfigurationChange() {
        String path = "/api/v1/brands/demo/questions/" + question + "/answers";
        byte[] body = padded("{\"body\":\"an answer over the first limit\"}", 2 * LIMIT);
        assertProblem(413, http.send(json(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))), "over the configured limit");
        CoreSettings d = settings();
        server.core.update(d.withMaxBodyBytes(4 * LIMIT));
        try {
            Http.Response r = http.send(json(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertEquals(201, r.status(), "a raised limit applies without a restart: " + r);
        } finally {
            server.core.update(d);
        }
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
        Http.Response jsonAsForm = http.send(http.builder(path, customer.token()).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(415, jsonAsForm, "a JSON body sent as a form");
        Http.Response brokenForm = http.send(http.builder(path, customer.token()).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("%zz=%%&title=%E0%A4%A")));
        assertProblem(415, brokenForm, "a malformed form");
        Http.Response none = http.send(http.builder(path, customer.token()).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(415, none, "no Content-Type");
        Http.Response charset = http.send(http.builder(path, customer.token()).header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, charset.status(), "application/json with a charset is JSON: " + charset);
    }

    @Test
    void personalAndErrorResponsesAreNeverCachedAndNothingIsSniffed() {
        // an anonymous question read is the one shared response (public, revalidated: ReadPathScenarios)
        assertEquals(List.of("nosniff"), http.get("/api/v1/brands/demo/questions/" + question, null).raw().headers()
            .allValues("X-Content-Type-Options"));
        List<Http.Response> responses = List.of(
            http.get("/api/v1/brands/demo/me", customer.token()),
            http.get("/api/v1/brands/demo/questions/987654321", customer.token()),
            http.send(json("/api/v1/brands/demo/questions").POST(HttpRequest.BodyPublishers.ofString("{\"title\":"))));
        for (Http.Response r : responses) {
            assertEquals(List.of("no-store"), r.raw().headers().allValues("Cache-Control"),
                "a personal or error response must not be stored by a shared cache: " + r);
            assertEquals(List.of("nosniff"), r.raw().headers().allValues("X-Content-Type-Options"), "no sniffing: " + r);
        }
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
}
