package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Every plugin operation appears in {@code /api/v1/openapi.json} beside the core's: the document lists every REST
 * operation the running CamelContext serves once the real plugins are installed, and forgets those of a plugin whose
 * routes are gone.
 */
abstract class PluginOpenApiScenarios extends WebTestBase {
    PluginOpenApiScenarios(Db db) {
        super(db);
    }

    @Test
    void everyOperationServedIsDescribedPluginsIncluded() throws Exception {
        int before = operations(http.get("/api/v1/openapi.json", null).json()).size();
        Plugins.localManagers(server);
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Plugins.webhooks(server);
        JsonNode doc = http.get("/api/v1/openapi.json", null).json();
        List<String> missing = new ArrayList<>();
        for (RestOperations.Operation op : RestOperations.of(server.camel())) {
            if (doc.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT)).isMissingNode()) {
                missing.add(op.toString());
            }
        }
        assertEquals(List.of(), missing, "served but not described");
        List<String> described = operations(doc);
        assertEquals(RestOperations.of(server.camel()).size(), described.size(), "and nothing described that is not served");
        assertTrue(described.size() > before + 40, before + " core operations, " + described.size() + " with the plugins");
        for (String op : List.of("GET /api/v1/brands/{brand}/managers/me/complaints", "GET /api/v1/brands/{brand}/badges",
            "GET /api/v1/brands/{brand}/webhooks", "GET /api/v1/brands/{brand}/moderation/queue")) {
            assertTrue(described.contains(op), op + " is described: " + described);
        }
        JsonNode inbox = doc.path("paths").path("/api/v1/brands/{brand}/managers/me/complaints").path("get");
        assertEquals("managers.inbox", inbox.path("operationId").asText());
        assertEquals("brand", inbox.path("parameters").get(0).path("name").asText());
        assertTrue(inbox.path("responses").has("404"), "a disabled capability is a 404: " + inbox);
        assertTrue(inbox.path("parameters").toString().contains("\"page\"") && inbox.path("summary").asText()
            .contains("local-managers"), "its declared query parameters and its capability: " + inbox);

        server.camel().getRouteController().stopRoute("badges.list");
        server.camel().removeRoute("badges.list");
        assertFalse(operations(http.get("/api/v1/openapi.json", null).json()).contains("GET /api/v1/brands/{brand}/badges"),
            "an operation whose route is gone is no longer described");
    }

    private static List<String> operations(JsonNode doc) {
        List<String> ops = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
            .forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return ops;
    }

}
