package org.entraide.core.internal.rest.openapi;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of the description, for the part of JSON Schema the description uses.
 * Stricter than JSON Schema on purpose: a property the schema does not list is a violation, so that a response
 * cannot carry anything undocumented.
 */
final class SchemaCheck {
    private final Described api;
    private final List<String> violations = new ArrayList<>();

    private SchemaCheck(Described api) {
        this.api = api;
    }

    static List<String> violations(Described api, JsonNode schema, JsonNode value) {
        SchemaCheck check = new SchemaCheck(api);
        check.check(schema, value, "$");
        return check.violations;
    }

    private void check(JsonNode schema, JsonNode value, String at) {
        schema = api.resolve(schema);
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                if (violations(api, branch, value).isEmpty()) {
                    return;
                }
            }
            violations.add(at + ": matches no branch of anyOf: " + value);
            return;
        }
        Set<String> types = new HashSet<>();
        schema.path("type").forEach(t -> types.add(t.asText()));
        if (schema.path("type").isTextual()) {
            types.add(schema.get("type").asText());
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, value))) {
            violations.add(at + ": expected " + types + ", got " + value.getNodeType() + " " + value);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey());
                } else if (schema.has("properties")) {
                    // a schema without properties is a free-form object (such as this very description)
                    violations.add(at + "." + field.getKey() + ": undocumented property");
                }
            }
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    violations.add(at + "." + r.asText() + ": required property missing");
                }
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.path("items"), value.get(i), at + "[" + i + "]");
            }
        } else if (value.isTextual()) {
            text(schema, value.asText(), at);
        } else if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0
                || schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                violations.add(at + ": " + value + " is out of the documented range");
            }
        }
    }

    private void text(JsonNode schema, String value, String at) {
        if (schema.has("maxLength") && value.codePointCount(0, value.length()) > schema.get("maxLength").asInt()
            || schema.has("minLength") && value.codePointCount(0, value.length()) < schema.get("minLength").asInt()) {
            violations.add(at + ": length of '" + value + "' is out of the documented range");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
            violations.add(at + ": '" + value + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.path("format").asText().equals("date-time")) {
            try {
                Instant.parse(value);
            } catch (DateTimeParseException e) {
                violations.add(at + ": '" + value + "' is not a date-time");
            }
        }
    }

    private static boolean is(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown JSON Schema type " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
