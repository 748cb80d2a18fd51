package org.entraide.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void demoBrandServesQuestionsOverHttp() throws Exception {
        try (TestServer server = new TestServer(TestDatabases.h2())) {
            new DemoSeeder(server.core).seedIfAbsent();
            Http http = new Http(server.base());
            Http.Response health = http.get("/api/v1/health", null);
            assertEquals(200, health.status(), health.toString());
            Http.Response list = http.get("/api/v1/brands/demo/questions", null);
            assertEquals(200, list.status(), list.toString());
            assertEquals(3, list.json().get("total").asInt(), list.toString());
            Http.Response login = http.post("/api/v1/auth/login", null,
                "{\"brand\":\"demo\",\"email\":\"customer@demo.example\",\"password\":\"entraide-demo\"}");
            assertEquals(200, login.status(), login.toString());
            assertNotNull(login.json().get("token"));
        }
    }
}
