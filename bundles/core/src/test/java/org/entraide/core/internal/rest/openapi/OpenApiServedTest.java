package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.RestRegistry;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiReply;
import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.JsonCodec;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/** The description is served, is OpenAPI 3.1, and lists exactly the REST endpoints the CamelContext runs. */
class OpenApiServedTest {
    @Test
    void isServedPubliclyAsAnOpenApi31Document() throws Exception {
        try (TestServer server = new TestServer(TestDatabases.h2())) {
            Http.Response r = new Http(server.base()).get("/api/v1/openapi.json", null);
            assertEquals(200, r.status(), r.toString());
            assertEquals("application/json", r.header("Content-Type"));
            JsonNode doc = JsonCodec.create().readTree(r.raw().body());
            assertEquals("3.1.0", doc.path("openapi").asText(), "openapi version");
            assertFalse(doc.path("info").path("title").asText().isBlank(), "info.title");
            assertFalse(doc.path("info").path("version").asText().isBlank(), "info.version");
            assertTrue(doc.path("paths").size() > 20, "paths: " + doc.path("paths").size());
            assertTrue(doc.path("components").path("schemas").has("Problem"), "the problem schema");
            assertEquals("bearer", doc.at("/components/securitySchemes/bearer/scheme").asText(), "bearer scheme");
            assertEquals("basic", doc.at("/components/securitySchemes/basic/scheme").asText(), "basic scheme");
            // the same document twice: generated from the registered endpoints, not from request to request
            Http.Response again = new Http(server.base()).get("/api/v1/openapi.json", null);
            assertEquals(doc, new ObjectMapper().readTree(again.raw().body()));
        }
    }

    @Test
    void describesExactlyTheRestEndpointsOfTheRunningContext() throws Exception {
        try (TestServer server = new TestServer(TestDatabases.h2())) {
            Set<String> registered = registered(server.camel());
            assertTrue(registered.contains("GET /api/v1/openapi.json"), registered.toString());
            assertEquals(registered, described(server).operations(), "operations of openapi.json vs REST routes");
        }
    }

    /** The comparison above can fail: an endpoint outside the described builders, or outside ApiRoutes, shows. */
    @Test
    void anEndpointMissingFromTheDescriptionIsNoticed() throws Exception {
        try (TestServer server = new TestServer(TestDatabases.h2())) {
            ApiDispatcher dispatcher = new ApiDispatcher(JsonCodec.create(), server.core.bodies, server.core.accounts,
                server.core.brands::require, new org.entraide.core.internal.rest.ClientAddress(java.util.List.of()));
            // a builder that was not handed to OpenApiRoutes, as when one forgets to list it in Core
            server.camel().addRoutes(new ApiRoutes(dispatcher) {
                @Override
                public void configure() {
                    get("/forgotten", "test.forgotten", Doc.of("Not described"), r -> ApiReply.noContent());
                }
            });
            // a REST verb declared directly, bypassing ApiRoutes
            server.camel().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    rest(ApiRoutes.BASE).get("/bypass").to("direct:test.bypass");
                    from("direct:test.bypass").routeId("test.bypass").setBody(constant(""));
                }
            });
            Set<String> undescribed = registered(server.camel());
            undescribed.removeAll(described(server).operations());
            assertEquals(Set.of("GET /api/v1/forgotten", "GET /api/v1/bypass"), undescribed);
        }
    }

    /** "METHOD /path" of every REST service the context runs, from Camel's own registry. */
    static Set<String> registered(CamelContext camel) {
        Set<String> ops = new TreeSet<>();
        for (RestRegistry.RestService s : camel.getRestRegistry().listAllRestServices()) {
            String path = (s.getBasePath() == null ? "" : s.getBasePath())
                + (s.getUriTemplate() == null ? "" : s.getUriTemplate());
            ops.add(s.getMethod().toUpperCase(Locale.ROOT) + " " + path);
        }
        return ops;
    }

    static Described described(TestServer server) {
        Http.Response r = new Http(server.base()).get("/api/v1/openapi.json", null);
        assertEquals(200, r.status(), r.toString());
        return new Described(r.json());
    }
}
