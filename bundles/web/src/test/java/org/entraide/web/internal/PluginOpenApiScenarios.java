package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;

/**
 * Every plugin operation appears in {@code /api/v1/openapi.json} beside the core's: the document lists every REST
 * operation the running CamelContext serves once the real plugins are installed, and forgets those of a plugin whose
 * routes are gone. A plugin operation that reads a body describes it with the schema of its validated record.
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
        Plugins.knowledge(server);
        Plugins.incidents(server);
        Plugins.channels(server);
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
        JsonNode attach = doc.path("paths").path("/api/v1/brands/{brand}/complaints/{id}/attachments").path("post");
        assertEquals("channels.attachment-add", attach.path("operationId").asText(), attach.toString());
        for (String type : List.of("image/png", "image/jpeg", "image/webp")) {
            assertTrue(attach.path("requestBody").path("content").has(type), "an upload of " + type + ": " + attach);
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

    /** The plugins' writes that read no body: acting on the resource their path names is all they do. */
    private static final Set<String> BODILESS = Set.of("moderation.claim", "notifications.read-all", "notifications.read",
        "knowledge.deflect", "channels.intake-confirm");

    @Test
    void everyPluginOperationWithABodyDescribesItsRecord() throws Exception {
        Set<String> core = new HashSet<>(operations(http.get("/api/v1/openapi.json", null).json()));
        Plugins.localManagers(server);
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Plugins.webhooks(server);
        Plugins.incidents(server);
        Plugins.notifications(server);
        Plugins.knowledge(server);
        Plugins.channels(server);
        JsonNode doc = http.get("/api/v1/openapi.json", null).json();
        Model model = server.camel().getCamelContextExtension().getContextPlugin(Model.class);
        List<String> problems = new ArrayList<>();
        int records = 0;
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String method = verb.asVerb().toUpperCase(Locale.ROOT);
                String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : verb.getPath());
                JsonNode op = doc.path("paths").path(path).path(verb.asVerb().toLowerCase(Locale.ROOT));
                if (core.contains(method + " " + path) || op.isMissingNode()) {
                    continue;
                }
                String name = method + " " + path + " (" + op.path("operationId").asText() + ")";
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                Class<?> type = verb.getTypeClass();
                if (type == null) {
                    boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
                    // an upload's body is a file of the media types it declared, not a record
                    boolean upload = op.path("requestBody").path("content").has("image/png");
                    if (write && !upload && !BODILESS.contains(op.path("operationId").asText())) {
                        problems.add(name + " declares no body record");
                    }
                    if (!schema.isMissingNode()) {
                        problems.add(name + " describes a body it does not declare");
                    }
                    continue;
                }
                if (schema.isMissingNode()) {
                    problems.add(name + " has no request body schema");
                    continue;
                }
                if (JsonNode.class.isAssignableFrom(type)) {
                    if (!"object".equals(schema.path("type").asText())) {
                        problems.add(name + " reads a JSON object, described as " + schema);
                    }
                    continue;
                }
                records++;
                JsonNode described = doc.path("components").path("schemas")
                    .path(schema.path("$ref").asText().replace("#/components/schemas/", ""));
                Set<String> required = new TreeSet<>();
                described.path("required").forEach(n -> required.add(n.asText()));
                Set<String> properties = new TreeSet<>();
                described.path("properties").fieldNames().forEachRemaining(properties::add);
                Set<String> mandatory = new TreeSet<>();
                Set<String> components = new TreeSet<>();
                for (RecordComponent rc : type.getRecordComponents()) {
                    components.add(rc.getName());
                    if (mandatory(rc)) {
                        mandatory.add(rc.getName());
                    }
                }
                if (!required.equals(mandatory)) {
                    problems.add(name + " requires " + required + ", its record " + type.getSimpleName() + " " + mandatory);
                }
                if (!properties.equals(components)) {
                    problems.add(name + " describes " + properties + ", its record " + type.getSimpleName() + " has " + components);
                }
                if (!described.path("additionalProperties").isBoolean() || described.path("additionalProperties").asBoolean()) {
                    problems.add(name + " must say that unknown properties are refused, as the reader refuses them");
                }
            }
        }
        assertEquals(List.of(), problems, "plugin operations and their bodies");
        assertTrue(records >= 25, records + " plugin operations read a validated record");
        JsonNode flag = doc.path("paths").path("/api/v1/brands/{brand}/posts/{id}/flags").path("post");
        assertTrue(flag.path("responses").has("400") && flag.path("responses").has("415"),
            "a body can be refused, as on the core's operations: " + flag.path("responses"));
    }

    /** Whether Hibernate Validator refuses a body without it: the constraint lands on the accessor and the type. */
    private static boolean mandatory(RecordComponent rc) {
        for (Class<? extends java.lang.annotation.Annotation> a : List.of(NotNull.class, NotBlank.class, NotEmpty.class)) {
            if (rc.getAccessor().isAnnotationPresent(a) || rc.getAnnotatedType().isAnnotationPresent(a)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> operations(JsonNode doc) {
        List<String> ops = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
            .forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return ops;
    }

}
