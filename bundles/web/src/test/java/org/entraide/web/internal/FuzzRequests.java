package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entraide.web.internal.RestOperations.Operation;

/**
 * Requests generated from the OpenAPI description for one operation: valid ones (every property filled within its
 * constraints) and invalid ones (wrong types, missing required properties, strings past their limit, odd unicode,
 * unknown fields, malformed JSON, bad path ids and query values). Seeded, so that a failure can be replayed.
 */
final class FuzzRequests {
    /** One request: its path with query, its body (null for none) and what it tries, for the report. */
    record Case(String path, String body, String what) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Texts a parser or a database may choke on: NUL, BEL, a lone surrogate, a bidi override, emoji, combining marks. */
    private static final List<String> ODD_TEXTS = List.of("\u0000", "a\u0007b", "\uD800", "x\uDC00y", "\u202Eevil",
        "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB", "e\u0301\u0301\u0301", "\uFFFF\uFFFE", "' OR 1=1 --", "<script>x</script>",
        "%00%2e%2e/", "\u0130\u0131\u00DF", "   ", "");
    private static final List<String> BAD_IDS = List.of("0", "-1", "9223372036854775808", "99999999999999999999999",
        "abc", "1.5", "%00", "%C3%A9", "%F0%9F%98%80", "%2e%2e", "1%20OR%201=1", "x".repeat(2000));
    private static final List<JsonNode> WRONG_VALUES = List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1),
        NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40))),
        NODES.numberNode(1.5e308), NODES.textNode("x"), NODES.arrayNode(), NODES.objectNode(),
        NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode().put("a", 1));

    private final JsonNode description;
    private final MinimalBodies minimal;
    private final Random random;

    FuzzRequests(JsonNode description, long seed) {
        this.description = description;
        this.minimal = new MinimalBodies(description);
        this.random = new Random(seed);
    }

    /** Every operation of the description, as method and template. */
    List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
            .forEachRemaining(m -> ops.add(new Operation(m.toUpperCase(Locale.ROOT), p.getKey()))));
        return ops;
    }

    /** The cases for op on brand's path with its ids; mutations random cases per body-bearing operation. */
    List<Case> cases(Operation op, String brand, Map<String, String> ids, Map<String, String> otherIds, int mutations) {
        List<Case> out = new ArrayList<>();
        String path = op.path(brand, ids);
        boolean hasBody = op.isWrite() && !op.method().equals("DELETE");
        String valid = hasBody ? minimal.body(op, ids) : null;
        out.add(new Case(path + validQuery(op), valid, "minimal valid"));
        JsonNode schema = bodySchema(op);
        if (hasBody && !schema.isMissingNode()) {
            out.add(new Case(path, full(schema, 0).toString(), "every property, random valid values"));
            for (int i = 0; i < mutations; i++) {
                out.add(mutated(path, schema));
            }
        }
        if (hasBody) {
            for (String broken : List.of("", "{", "[]", "null", "\"text\"", "{\"a\":", "[" .repeat(5000), "{}")) {
                out.add(new Case(path, broken, "malformed or empty body"));
            }
            out.add(new Case(path, valid == null ? "{}" : valid.replaceFirst("^\\{", "{\"unknownField\":1,")
                .replace(",}", "}"), "an unknown field"));
        }
        out.add(new Case(path + (path.contains("?") ? "&" : "?") + "unknownParam=1", valid, "an unknown query parameter"));
        for (JsonNode q : params(op, "query")) {
            String name = q.path("name").asText();
            for (String bad : List.of("-1", "abc", "99999999999", "%00", "%F0%9F%98%80", "x".repeat(3000))) {
                out.add(new Case(path + "?" + name + "=" + bad, valid, "query " + name + "=" + abbreviated(bad)));
            }
        }
        String[] segments = op.template().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{") && !segments[i].equals("{brand}")) {
                String prefix = segments[i - 1];
                List<String> bad = new ArrayList<>(BAD_IDS);
                if (otherIds.containsKey(prefix)) {
                    bad.add(otherIds.get(prefix));
                }
                for (String id : bad) {
                    out.add(new Case(op.path(brand, withId(ids, prefix, id)), valid, "path " + prefix + "/" + abbreviated(id)));
                }
            }
        }
        return out;
    }

    private Case mutated(String path, JsonNode schema) {
        ObjectNode body = (ObjectNode) full(schema, 0);
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        int kind = random.nextInt(names.isEmpty() ? 2 : 6);
        if (kind == 0) {
            body.set("unknown" + random.nextInt(100), WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())));
            return new Case(path, body.toString(), "an unknown field");
        }
        if (kind == 1) {
            return new Case(path, nested(1 + random.nextInt(3000)), "deep nesting");
        }
        String name = names.get(random.nextInt(names.size()));
        switch (kind) {
            case 2 -> {
                JsonNode v = WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
                body.set(name, v);
                return new Case(path, body.toString(), name + " = " + v);
            }
            case 3 -> {
                body.remove(name);
                return new Case(path, body.toString(), "without " + name);
            }
            case 4 -> {
                String odd = ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size()));
                body.put(name, odd + body.path(name).asText("") + odd);
                return new Case(path, body.toString(), name + " with odd unicode");
            }
            default -> {
                int size = random.nextBoolean() ? 100_001 : 1 + property(schema, name).path("maxLength").asInt(10_000);
                body.put(name, "x".repeat(size));
                return new Case(path, body.toString(), name + " of " + size + " characters");
            }
        }
    }

    /** A value for every property, within the schema's type, enum, length and range. */
    private JsonNode full(JsonNode schema, int depth) {
        schema = resolved(schema);
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), full(p.getValue(), depth + 1)));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = Math.max(schema.path("minItems").asInt(0), Math.min(random.nextInt(3), schema.path("maxItems").asInt(3)));
                for (int i = 0; i < n; i++) {
                    a.add(full(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer", "number" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(min + 1000);
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min)));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("email")) {
                    return NODES.textNode("fuzz" + random.nextInt(100000) + "@fuzz.example");
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2030-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00Z");
                }
                if (format.equals("uri")) {
                    return NODES.textNode("https://fuzz.example/" + random.nextInt(1000));
                }
                int min = schema.path("minLength").asInt(0);
                int max = Math.min(schema.path("maxLength").asInt(60), 400);
                int length = min + random.nextInt(Math.max(1, max - min + 1));
                StringBuilder s = new StringBuilder();
                while (s.length() < length) {
                    s.append(random.nextInt(10) == 0 ? " " : Character.toString('a' + random.nextInt(26)));
                }
                return NODES.textNode(s.toString().isBlank() && length > 0 ? "x".repeat(length) : s.toString());
            }
        }
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private String validQuery(Operation op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : params(op, "query")) {
            JsonNode s = p.path("schema");
            String v = s.has("enum") ? s.get("enum").get(0).asText() : s.path("type").asText().equals("integer")
                ? String.valueOf(Math.max(1, s.path("minimum").asInt(1))) : "fuzz";
            q.append(q.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=').append(v);
        }
        return q.toString();
    }

    private List<JsonNode> params(Operation op, String in) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : operation(op).path("parameters")) {
            if (p.path("in").asText().equals(in)) {
                out.add(p);
            }
        }
        return out;
    }

    private JsonNode operation(Operation op) {
        return description.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT));
    }

    private JsonNode bodySchema(Operation op) {
        return resolved(operation(op).path("requestBody").path("content").path("application/json").path("schema"));
    }

    private JsonNode property(JsonNode schema, String name) {
        return resolved(resolved(schema).path("properties").path(name));
    }

    private JsonNode resolved(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = description.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

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

    private static Map<String, String> withId(Map<String, String> ids, String prefix, String id) {
        Map<String, String> copy = new java.util.HashMap<>(ids);
        copy.put(prefix, id);
        return copy;
    }

    static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
