package org.entraide.core.internal.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.web.ContentVersions;
import org.entraide.api.web.LocalApi;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The API called in-process by pages answers what it answers over HTTP, runs the same checks, and tells the caller to
 * go over HTTP for what no REST route of the node serves.
 */
class LocalApiCallsH2Test extends ApiScenarios {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }

    private LocalApi local() {
        LocalApi local = server.camel().getRegistry().lookupByNameAndType(LocalApi.REGISTRY_NAME, LocalApi.class);
        assertNotNull(local, "the core binds its in-process API in the shared context's registry");
        return local;
    }

    private JsonNode body(LocalApi.Reply reply) throws Exception {
        return json.readTree(reply.body());
    }

    @Test
    void aReadAnswersInProcessWhatItAnswersOverHttp() throws Exception {
        Community.Member asker = community.join("demo");
        long id = community.askId(asker, Community.unique("In-process read"));
        Http.Response overHttp = http.get("/api/v1/brands/demo/questions/" + id, asker.token());
        LocalApi.Reply inProcess = local().call("GET", "/api/v1/brands/demo/questions/" + id,
            Map.of("Authorization", "Bearer " + asker.token()), null);
        assertEquals(200, inProcess.status());
        assertTrue(inProcess.contentType().startsWith("application/json"), inProcess.contentType());
        JsonNode read = body(inProcess);
        assertEquals(overHttp.json().path("title"), read.path("title"));
        assertEquals(overHttp.json().path("author"), read.path("author"));
        assertEquals(overHttp.json().path("id"), read.path("id"));

        LocalApi.Reply missing = local().call("GET", "/api/v1/brands/demo/questions/999999999", Map.of(), null);
        assertEquals(404, missing.status(), "a missing question is the API's 404");
        assertEquals(404, body(missing).path("status").asInt(), "as a problem");
        assertEquals(400, local().call("GET", "/api/v1/brands/demo/questions?unknown=1", Map.of(), null).status(),
            "the query is checked as over HTTP");
    }

    @Test
    void aWriteInProcessIsAuthenticatedLimitedAndMovesTheBrandsContentVersion() throws Exception {
        Community.Member asker = community.join("demo");
        long id = community.askId(asker, Community.unique("In-process write"));
        Community.Member helper = community.join("demo");
        ContentVersions versions = server.camel().getRegistry().lookupByNameAndType(ContentVersions.REGISTRY_NAME,
            ContentVersions.class);
        long before = versions.version("demo");
        byte[] answer = Http.json("body", "Restart the router, then wait two minutes.").getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/brands/demo/questions/" + id + "/answers";

        assertEquals(401, local().call("POST", path, Map.of("Content-Type", "application/json"), answer).status(),
            "no token, no answer");
        LocalApi.Reply posted = local().call("POST", path,
            Map.of("Authorization", "Bearer " + helper.token(), "Content-Type", "application/json"), answer);
        assertEquals(201, posted.status(), new String(posted.body(), StandardCharsets.UTF_8));
        assertTrue(versions.version("demo") > before, "pages of the brand made before the write are stale at once");
        JsonNode read = http.get("/api/v1/brands/demo/questions/" + id, null).json();
        assertEquals(1, read.path("answers").size(), "the answer is stored: " + read);

        byte[] huge = ("{\"body\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, local().call("POST", path,
            Map.of("Authorization", "Bearer " + helper.token(), "Content-Type", "application/json"), huge).status(),
            "the body limit holds in-process");
        assertEquals(400, local().call("POST", path,
            Map.of("Authorization", "Bearer " + helper.token(), "Content-Type", "application/json"),
            "{not json".getBytes(StandardCharsets.UTF_8)).status(), "malformed JSON is a 400");
        assertEquals(1, http.get("/api/v1/brands/demo/questions/" + id, null).json().path("answers").size(),
            "refused writes stored nothing");
    }

    @Test
    void whatNoRouteServesHereIsLeftToHttp() {
        assertNull(local().call("GET", "/api/v1/brands/demo/no-such-thing", Map.of(), null), "an unknown path");
        assertNull(local().call("DELETE", "/api/v1/brands/demo/features", Map.of(), null), "a method the path lacks");
        assertNull(local().call("GET", "/api/v1/brands/demo/questions/", Map.of(), null), "a path the server normalises");
        assertNull(local().call("GET", "/api/v1/brands/demo/../demo/questions", Map.of(), null), "dot segments");
        assertNull(local().call("GET", "/api/v1/brands/%zz/questions/1", Map.of(), null), "a malformed escape");
    }

    @Test
    void theOperationIsChosenAsOverHttpAndFollowsRoutesComingAndGoing() throws Exception {
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                rest("/api/v1").get("/brands/{brand}/gadgets/{id}").routeId("gadget-one").to("direct:gadget.one");
                rest("/api/v1").get("/brands/{brand}/gadgets/latest").routeId("gadget-latest").to("direct:gadget.latest");
                from("direct:gadget.one").setBody(simple("one ${header.brand} ${header.id}"));
                from("direct:gadget.latest").setBody(simple("latest ${header.brand}"));
            }
        });
        assertEquals("latest demo", text(local().call("GET", "/api/v1/brands/demo/gadgets/latest", Map.of(), null)),
            "a literal segment before a placeholder");
        assertEquals("one demo caf\u00e9 1+1", text(local().call("GET", "/api/v1/brands/demo/gadgets/caf%C3%A9%201+1",
            Map.of(), null)), "placeholders are decoded as the servlet decodes a path");
        server.camel().getRouteController().stopRoute("gadget-latest");
        server.camel().removeRoute("gadget-latest");
        assertEquals("one demo latest", text(local().call("GET", "/api/v1/brands/demo/gadgets/latest", Map.of(), null)),
            "a removed route no longer answers");
        server.camel().getRouteController().stopRoute("gadget-one");
        assertNull(local().call("GET", "/api/v1/brands/demo/gadgets/7", Map.of(), null), "nor does a stopped one");
    }

    private static String text(LocalApi.Reply reply) {
        assertNotNull(reply, "served in-process");
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
