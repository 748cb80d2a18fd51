package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;

/**
 * Calls the API and checks each answer against the description: its status is documented for the operation, its
 * media type is the documented one, its body has exactly the documented properties, and documented headers are there.
 */
final class Conformance {
    private final Http http;
    private final Described api;
    /** "METHOD /path status" of every checked answer. */
    final Set<String> seen = new TreeSet<>();

    Conformance(Http http, Described api) {
        this.http = http;
        this.api = api;
    }

    /**
     * {@code template} is a documented path, optionally with a query string; {@code params} fill its {names} in order.
     */
    Http.Response call(String method, String template, String token, String json, Object... params) {
        String path = template;
        for (Object p : params) {
            path = path.replaceFirst("\\{[a-zA-Z]+}", String.valueOf(p));
        }
        HttpRequest.Builder b = http.builder(path, token);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        Http.Response r = http.send(b);
        check(method, template.split("\\?", 2)[0], r);
        return r;
    }

    /** A raw body of {@code mediaType} (an upload), sent with {@code PUT}. */
    Http.Response upload(String template, String token, String mediaType, byte[] body, Object... params) {
        String path = template;
        for (Object p : params) {
            path = path.replaceFirst("\\{[a-zA-Z]+}", String.valueOf(p));
        }
        Http.Response r = http.send(http.builder(path, token).header("Content-Type", mediaType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        check("PUT", template, r);
        return r;
    }

    void check(String method, String path, Http.Response r) {
        String what = method + " " + path + " answered " + r;
        JsonNode response = api.response(method, path, r.status());
        assertNotNull(response, what + ": the description does not list status " + r.status());
        JsonNode content = response.get("content");
        if (content == null) {
            assertTrue(r.raw().body().isEmpty(), what + ": the description says there is no body");
        } else {
            Map.Entry<String, JsonNode> media = content.fields().next();
            String type = r.header("Content-Type");
            assertNotNull(type, what + ": no Content-Type");
            assertEquals(media.getKey(), type.split(";")[0].strip(), what + ": media type");
            if (!media.getKey().contains("json")) {
                assertTrue(!r.raw().body().isEmpty(), what + ": a text body");
                seen.add(method + " " + path + " " + r.status());
                return;
            }
            List<String> violations = SchemaCheck.violations(api, media.getValue().get("schema"), r.json());
            assertEquals(List.of(), violations, what + ": the body differs from its description");
        }
        response.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().path("required").asBoolean()) {
                assertNotNull(r.header(h.getKey()), what + ": documented header " + h.getKey() + " is missing");
            }
        });
        seen.add(method + " " + path + " " + r.status());
    }
}
