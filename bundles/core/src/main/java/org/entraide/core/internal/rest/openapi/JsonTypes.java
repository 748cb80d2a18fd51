package org.entraide.core.internal.rest.openapi;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Schemas of Java scalars (numbers, text, booleans, instants, enums), and of values that may be null. */
final class JsonTypes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonTypes() {
    }

    /** The schema of a Java scalar, as Jackson writes it, or null when the type is not one. */
    static ObjectNode scalar(Class<?> c) {
        ObjectNode s = JSON.objectNode();
        if (c == String.class) {
            return s.put("type", "string");
        } else if (c == long.class || c == Long.class) {
            return s.put("type", "integer").put("format", "int64");
        } else if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return s.put("type", "integer").put("format", "int32");
        } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return s.put("type", "number").put("format", c == float.class || c == Float.class ? "float" : "double");
        } else if (c == boolean.class || c == Boolean.class) {
            return s.put("type", "boolean");
        } else if (c == Instant.class) {
            return s.put("type", "string").put("format", "date-time");
        } else if (c.isEnum()) {
            ArrayNode values = s.put("type", "string").putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return s;
        }
        return null;
    }

    /** The same schema, also accepting null. */
    static ObjectNode nullable(ObjectNode s) {
        if (!s.has("type")) {
            ObjectNode any = JSON.objectNode();
            any.putArray("anyOf").add(s).addObject().put("type", "null");
            return any;
        }
        String type = s.get("type").asText();
        s.putArray("type").add(type).add("null");
        if (s.has("enum")) {
            ((ArrayNode) s.get("enum")).addNull();
        }
        return s;
    }
}
