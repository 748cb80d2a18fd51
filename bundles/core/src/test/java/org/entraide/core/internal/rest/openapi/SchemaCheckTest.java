package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The response check finds what it is meant to find, so that a green conformance test means something. */
class SchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Described api = new Described(json("""
        {"components": {"schemas": {
          "Author": {"type": "object", "properties": {"id": {"type": "integer"}, "pseudonym": {"type": ["string", "null"]}},
                     "required": ["id", "pseudonym"]},
          "Post": {"type": "object", "properties": {
             "author": {"anyOf": [{"$ref": "#/components/schemas/Author"}, {"type": "null"}]},
             "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
             "at": {"type": "string", "format": "date-time"},
             "status": {"type": "string", "enum": ["OPEN"]}},
           "required": ["author", "tags"]}}}}
        """));
    private final JsonNode post = json("{\"$ref\": \"#/components/schemas/Post\"}");

    @Test
    void acceptsWhatIsDescribed() {
        assertEquals(List.of(), check("{\"author\": {\"id\": 1, \"pseudonym\": null}, \"tags\": [\"a\"], "
            + "\"at\": \"2025-01-01T00:00:00Z\", \"status\": \"OPEN\"}"));
        assertEquals(List.of(), check("{\"author\": null, \"tags\": []}"));
    }

    @Test
    void reportsUndocumentedMissingAndMistypedValues() {
        assertEquals(List.of("$.extra: undocumented property"), check("{\"author\": null, \"tags\": [], \"extra\": 1}"));
        assertEquals(List.of("$.tags: required property missing"), check("{\"author\": null}"));
        assertEquals(List.of("$.author: matches no branch of anyOf: {\"id\":\"1\",\"pseudonym\":\"p\"}"),
            check("{\"author\": {\"id\": \"1\", \"pseudonym\": \"p\"}, \"tags\": []}"));
        assertEquals(List.of("$.tags[0]: length of 'long' is out of the documented range"),
            check("{\"author\": null, \"tags\": [\"long\"]}"));
        assertEquals(List.of("$.at: 'yesterday' is not a date-time", "$.status: \"DONE\" is not one of [\"OPEN\"]"),
            check("{\"author\": null, \"tags\": [], \"at\": \"yesterday\", \"status\": \"DONE\"}"));
    }

    private List<String> check(String value) {
        return SchemaCheck.violations(api, post, json(value));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
