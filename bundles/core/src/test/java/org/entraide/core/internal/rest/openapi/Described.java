package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** The served OpenAPI description, read the way a client reads it: operations by method and path, $refs resolved. */
final class Described {
    final JsonNode doc;

    Described(JsonNode doc) {
        this.doc = doc;
    }

    /** Every operation as "METHOD /path/{template}". */
    Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
            .forEachRemaining(method -> ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return ops;
    }

    JsonNode operation(String method, String path) {
        JsonNode op = doc.path("paths").path(path).get(method.toLowerCase(Locale.ROOT));
        assertNotNull(op, method + " " + path + " is not in the description");
        return op;
    }

    /** The documented response of an operation for a status, or null when the status is not documented. */
    JsonNode response(String method, String path, int status) {
        JsonNode r = operation(method, path).path("responses").get(String.valueOf(status));
        return r == null ? null : resolve(r);
    }

    /** The request body schema of an operation, resolved, or null. */
    JsonNode requestSchema(String method, String path) {
        JsonNode body = operation(method, path).get("requestBody");
        return body == null ? null : resolve(body.path("content").path("application/json").path("schema"));
    }

    /** Follows a local $ref such as #/components/schemas/Brand. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = doc.at(ref.substring(1));
            assertNotNull(target.isMissingNode() ? null : target, "dangling $ref " + ref);
            node = target;
        }
        return node;
    }
}
