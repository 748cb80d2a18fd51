package org.entraide.core.internal.rest;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every answer names its request: a sane incoming X-Request-Id is kept, anything else replaced by a new id. */
class RequestIdTest {
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(TestDatabases.h2());
        http = new Http(server.base());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyAnswerCarriesAFreshIdWhenTheClientSendsNone() {
        Set<String> seen = new HashSet<>();
        for (String path : new String[] {"/api/v1/health", "/api/v1/openapi.json", "/health/live"}) {
            Http.Response r = http.get(path, null);
            assertEquals(200, r.status(), path + ": " + r);
            String id = r.header("X-Request-Id");
            assertTrue(id != null && id.matches("[0-9a-f-]{36}"), path + " answers with a generated request id: " + r);
            assertTrue(seen.add(id), "each request gets its own id: " + id);
        }
    }

    @Test
    void problemsCarryTheIdInTheirBody() {
        Http.Response notFound = http.get("/api/v1/nothing/here", null);
        assertProblem(404, notFound, "an unknown path");
        Http.Response unauthorized = http.get("/api/v1/admin/brands", null);
        assertProblem(401, unauthorized, "an admin endpoint without credentials");
        Http.Response badQuery = http.get("/api/v1/health?surprise=1", null);
        assertProblem(400, badQuery, "an undeclared query parameter");
    }

    @Test
    void aSaneIncomingIdIsHonoured() {
        Http.Response ok = http.send(http.builder("/api/v1/health", null).header("X-Request-Id", "lb-7f3a.42:9_x").GET());
        assertEquals("lb-7f3a.42:9_x", ok.header("X-Request-Id"), "the load balancer's id is kept: " + ok);
        Http.Response problem = http.send(http.builder("/api/v1/nowhere", null).header("X-Request-Id", "trace-123").GET());
        assertProblem(404, problem, "an unknown path with an id");
        assertEquals("trace-123", problem.json().get("requestId").asText(), "the problem names the caller's id: " + problem);
    }

    @Test
    void anOddOrLongIdIsReplaced() {
        for (String bad : new String[] {"x".repeat(65), "a b", "<script>", "id\"quoted"}) {
            Http.Response r = http.send(http.builder("/api/v1/nowhere", null).header("X-Request-Id", bad).GET());
            assertProblem(404, r, "an unknown path with the id " + bad);
            assertNotEquals(bad, r.header("X-Request-Id"), "an odd id is not echoed: " + bad);
            assertTrue(r.header("X-Request-Id").matches("[0-9a-f-]{36}"), "it is replaced by a generated one: " + r);
        }
    }

    @Test
    void logLinesCannotBeForgedThroughThePath() {
        assertEquals("/a?b?c", org.entraide.core.internal.camel.RequestLog.printable("/a\nb\rc"));
    }
}
