package org.entraide.web.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.entraide.web.internal.RestOperations.Operation;

/**
 * Checks exchanges against the served OpenAPI description, so that it cannot drift from what the API does: the
 * status is one the operation documents, and the body of a 2xx or a 4xx matches the documented schema and media
 * type (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Drifts are collected once per operation, status and kind.
 */
final class DescriptionConformance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode description;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, String> drifts = new TreeMap<>();
    private int checked;

    DescriptionConformance(JsonNode description) {
        this.description = description;
    }

    /** Checks one answer of op; the first drift of each kind is kept with the request that showed it. */
    void check(Operation op, String request, int status, String contentType, String body) {
        checked++;
        JsonNode operation = description.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode() || status >= 500 || status < 200) {
            return;
        }
        JsonNode response = resolved(operation.path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            drift(op, status, "status not documented", request + " -> " + abbreviated(body));
            return;
        }
        JsonNode content = response.path("content");
        if (!content.isObject() || content.isEmpty()) {
            if (body != null && !body.isEmpty() && status != 204) {
                drift(op, status, "a body where none is documented", request + " -> " + abbreviated(body));
            }
            return;
        }
        String actual = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!content.has(actual)) {
            drift(op, status, "media type " + actual + " is not one of " + content.properties().stream().map(Map.Entry::getKey).toList(), request);
            return;
        }
        JsonNode schema = content.path(actual).path("schema");
        if (schema.isMissingNode() || !actual.endsWith("json")) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (Exception e) {
            drift(op, status, "a body that is not JSON", request + " -> " + abbreviated(body));
            return;
        }
        Set<String> errors = new TreeSet<>();
        schema(schema).validate(parsed).forEach(e -> errors.add(e.getInstanceLocation() + " " + e.getMessage()));
        if (!errors.isEmpty()) {
            drift(op, status, "body does not match its schema", request + ": " + String.join("; ", errors) + " -> " + abbreviated(body));
        }
    }

    int checked() {
        return checked;
    }

    Map<String, String> drifts() {
        return drifts;
    }

    /** A schema with the description's components beside it, so that its "#/components/…" references resolve. */
    private Schema schema(JsonNode schema) {
        return schemas.computeIfAbsent(schema.toString(), k -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
            root.set("components", description.path("components"));
            root.putArray("allOf").add(schema);
            return registry.getSchema(root);
        });
    }

    private JsonNode resolved(JsonNode node) {
        while (node.has("$ref")) {
            node = description.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private synchronized void drift(Operation op, int status, String kind, String example) {
        drifts.putIfAbsent(op + " " + status + " " + kind, example);
    }

    private static String abbreviated(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
