package org.entraide.core.internal.rest.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entraide.api.problem.FieldError;

/**
 * The OpenAPI 3.1 description of the API, generated from the endpoints as they were registered and from the Java
 * records of their bodies, so that it cannot drift from what the API does.
 */
public final class OpenApiDocument {
    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<Integer, String> TITLES = Map.ofEntries(
        Map.entry(400, "Bad input: malformed JSON, unknown or invalid fields (listed in errors), or a bad query parameter"),
        Map.entry(401, "Missing, invalid, expired or revoked credentials"),
        Map.entry(403, "Authenticated, but not allowed"),
        Map.entry(404, "No such brand or resource"),
        Map.entry(409, "Conflicts with the current state"),
        Map.entry(410, "No longer there: an expired link or archive"),
        Map.entry(413, "The request body is too large"),
        Map.entry(415, "The request body is not of a media type the operation reads"),
        Map.entry(422, "Well-formed, but refused: a definition, rule set, import or text the brand's rules do not accept"),
        Map.entry(429, "Too many attempts; retry after Retry-After seconds"),
        Map.entry(503, "The service this operation needs is not available on this server (the instance console outside Karaf)"));

    private OpenApiDocument() {
    }

    public static ObjectNode of(List<Endpoint> endpoints) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Entraide API").put("version", "1")
            .put("description", "The community API of Entraide. Errors are RFC 9457 problem details "
                + "(application/problem+json); lists answer {items, total, page, size}.");
        ObjectNode components = JSON.objectNode();
        ObjectNode schemas = JSON.objectNode();
        Schemas generator = new Schemas(schemas);
        Operations operations = new Operations(generator);
        ObjectNode paths = doc.putObject("paths");
        List<Endpoint> sorted = new ArrayList<>(endpoints);
        sorted.sort(Comparator.comparing(Endpoint::path));
        for (Endpoint e : sorted) {
            ObjectNode item = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            String method = e.method().toLowerCase(Locale.ROOT);
            if (item.has(method)) {
                throw new IllegalStateException("two endpoints for " + e.method() + " " + e.path());
            }
            item.set(method, operations.operation(e));
        }
        JsonNode fieldError = generator.response(FieldError.class);
        if (schemas.has("Problem")) {
            throw new IllegalStateException("a body record is named Problem, the name of the problem schema");
        }
        schemas.set("Problem", problem(fieldError));
        components.set("schemas", sortedCopy(schemas));
        components.set("responses", problemResponses());
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject(BEARER).put("type", "http").put("scheme", "bearer")
            .put("description", "A token from POST /api/v1/auth/login, valid for one brand until it expires or is revoked; "
                + "or an API key of the brand (ek_…, created by its admins), allowed only the operations whose "
                + "x-api-key-scope is one of its scopes");
        security.putObject(BASIC).put("type", "http").put("scheme", "basic")
            .put("description", "An instance administrator of the Karaf container, for /api/v1/admin/*");
        doc.set("components", components);
        return doc;
    }

    /** RFC 9457, as the API writes it: errors lists the invalid fields of a 400, retryAfter comes with a 429. */
    private static ObjectNode problem(JsonNode fieldError) {
        ObjectNode p = JSON.objectNode().put("type", "object")
            .put("description", "An RFC 9457 problem detail; type is a URI naming the kind of problem");
        ObjectNode props = p.putObject("properties");
        props.putObject("type").put("type", "string").put("format", "uri");
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer").put("format", "int32");
        props.putObject("detail").put("type", "string");
        props.putObject("errors").put("type", "array").set("items", fieldError);
        props.putObject("retryAfter").put("type", "integer").put("format", "int64")
            .put("description", "seconds to wait before retrying");
        props.putObject("requestId").put("type", "string")
            .put("description", "the id of the request, also in the X-Request-Id response header and the server's log");
        p.putArray("required").add("type").add("title").add("status").add("detail");
        return p;
    }

    private static ObjectNode problemResponses() {
        ObjectNode responses = JSON.objectNode();
        new TreeMap<>(Operations.PROBLEMS).forEach((status, name) -> {
            ObjectNode r = responses.putObject(name).put("description", TITLES.get(status));
            if (status == 401) {
                r.putObject("headers").putObject("WWW-Authenticate").putObject("schema").put("type", "string");
            } else if (status == 429) {
                r.putObject("headers").putObject("Retry-After").putObject("schema").put("type", "integer");
            }
            r.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", Schemas.REF + "Problem");
        });
        return responses;
    }

    private static ObjectNode sortedCopy(ObjectNode node) {
        ObjectNode copy = JSON.objectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(n -> copy.set(n, node.get(n)));
        return copy;
    }
}
