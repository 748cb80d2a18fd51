package org.entraide.web.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entraide.web.internal.RestOperations.Operation;

/**
 * The smallest body the OpenAPI description accepts for an operation: its required properties, plus every
 * property that names an id ("userId", "storeCode"…), filled with a brand's ids so that ids reach bodies too.
 * An operation the description does not give a body schema gets "{}".
 */
final class MinimalBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 4;

    private final JsonNode description;

    MinimalBodies(JsonNode description) {
        this.description = description;
    }

    /** Whether the operation's body names an id, so that it differs between two brands. */
    boolean namesIds(Operation op, Map<String, String> ids, Map<String, String> others) {
        return !body(op, ids).equals(body(op, others));
    }

    String body(Operation op, Map<String, String> ids) {
        JsonNode schema = schema(op);
        if (schema.isMissingNode()) {
            return "{}";
        }
        return value(schema, null, ids, 0).toString();
    }

    /**
     * For an operation the description does not cover, a body guessed from the fields a 400 problem named:
     * ids from the brand, instants for "from"/"to"/"…At", words otherwise; null when the problem names none.
     */
    static String fromProblem(JsonNode problem, Map<String, String> ids) {
        ObjectNode o = JSON.createObjectNode();
        if (problem != null) {
            for (JsonNode e : problem.path("errors")) {
                String field = e.path("field").asText();
                if (!field.matches("[a-zA-Z]+")) {
                    continue;
                }
                String id = idFor(field, ids);
                if (id != null) {
                    o.set(field, id.matches("\\d+") ? JSON.getNodeFactory().numberNode(Long.parseLong(id))
                        : JSON.getNodeFactory().textNode(id));
                } else if (field.matches("from|to|until|since|.*At")) {
                    o.put(field, field.equals("from") || field.equals("since") ? "2030-07-01T00:00:00Z" : "2030-07-14T00:00:00Z");
                } else {
                    o.put(field, "Access matrix text long enough");
                }
            }
        }
        return o.isEmpty() ? null : o.toString();
    }

    boolean describes(Operation op) {
        return !schema(op).isMissingNode();
    }

    private JsonNode schema(Operation op) {
        return description.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT))
            .path("requestBody").path("content").path("application/json").path("schema");
    }

    private JsonNode value(JsonNode schema, String name, Map<String, String> ids, int depth) {
        schema = resolved(schema);
        String id = name == null ? null : idFor(name, ids);
        String type = type(schema);
        if (schema.has("enum")) {
            return firstNonNull(schema.get("enum"));
        }
        switch (type) {
            case "object":
                return object(schema, ids, depth);
            case "array":
                ArrayNode array = JSON.createArrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(id != null ? 1 : 0); i++) {
                    array.add(value(schema.path("items"), name, ids, depth + 1));
                }
                return array;
            case "integer":
            case "number":
                if (id != null && id.matches("\\d+")) {
                    return JSON.getNodeFactory().numberNode(Long.parseLong(id));
                }
                return JSON.getNodeFactory().numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean":
                return JSON.getNodeFactory().booleanNode(true);
            default:
                return JSON.getNodeFactory().textNode(id != null ? id : text(schema));
        }
    }

    private ObjectNode object(JsonNode schema, Map<String, String> ids, int depth) {
        ObjectNode o = JSON.createObjectNode();
        if (depth > MAX_DEPTH) {
            return o;
        }
        JsonNode required = schema.path("required");
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            boolean isRequired = false;
            for (JsonNode r : required) {
                isRequired |= r.asText().equals(p.getKey());
            }
            if (isRequired || idFor(p.getKey(), ids) != null) {
                o.set(p.getKey(), value(p.getValue(), p.getKey(), ids, depth + 1));
            }
        }
        return o;
    }

    /** "userId" and "managerId" are a member's id, "answerId" an answer's, "storeCode(s)" a store's code. */
    private static String idFor(String name, Map<String, String> ids) {
        String n = name.toLowerCase(Locale.ROOT);
        String kind = n.endsWith("ids") ? n.substring(0, n.length() - 3) : n.endsWith("id") ? n.substring(0, n.length() - 2)
            : n.startsWith("storecode") ? "store" : n.equals("badge") || n.equals("badgekey") ? "badge" : null;
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        if (kind.equals("author") || kind.equals("manager") || kind.equals("member") || kind.equals("backup")) {
            kind = kind.equals("manager") || kind.equals("backup") ? "manager" : "user";
        }
        return ids.get(kind + "s");
    }

    private JsonNode resolved(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = description.at(ref.substring(1));
        }
        return schema;
    }

    /** The first type that is not "null", when a nullable schema lists several. */
    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode one : t) {
                if (!one.asText().equals("null")) {
                    return one.asText();
                }
            }
        }
        return t.asText(schema.has("properties") ? "object" : "string");
    }

    private static JsonNode firstNonNull(JsonNode values) {
        for (JsonNode v : values) {
            if (!v.isNull()) {
                return v;
            }
        }
        return values.get(0);
    }

    /** Plain words, long enough for the minimum and short enough for the maximum. */
    private static String text(JsonNode schema) {
        if ("email".equals(schema.path("format").asText())) {
            return "matrix@matrix.example";
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(200);
        StringBuilder s = new StringBuilder("Access matrix text");
        while (s.length() < Math.max(min, 20)) {
            s.append(" and more words");
        }
        return s.substring(0, Math.min(s.length(), max));
    }
}
