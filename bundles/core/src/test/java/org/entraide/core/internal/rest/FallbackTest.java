package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;

import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FallbackTest {
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
    void unknownPathsAnswerAJsonProblem() {
        for (String path : new String[] {"/nope", "/api/v1/nothing/here", "/api/v2/health"}) {
            Http.Response r = http.get(path, null);
            assertEquals(404, r.status(), path + " → " + r);
            assertEquals("application/problem+json", r.header("Content-Type"), path);
        }
    }

    @Test
    void knownEndpointsStillWin() {
        assertEquals(200, http.get("/api/v1/health", null).status());
        assertEquals(404, http.get("/api/v1/brands/none/questions", null).status(), "an unknown brand is a 404 too");
    }

    @Test
    void wrongMethodOnAKnownPathIsNotASuccess() {
        Http.Response r = http.send(http.builder("/api/v1/health", null).DELETE());
        assertEquals(true, r.status() == 404 || r.status() == 405, "DELETE /health → " + r);
    }
}
