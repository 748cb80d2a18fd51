package org.entraide.core.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on error responses. */
public final class Problems {
    private Problems() {
    }

    /** Asserts an RFC 9457 problem with that status, and no stack trace or class name anywhere in the body. */
    public static void assertProblem(int status, Http.Response r, String what) {
        assertEquals(status, r.status(), what + ": status " + status + " expected: " + r);
        assertEquals("application/problem+json", r.header("Content-Type"), what + " answers a problem document: " + r);
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt(), what + ": the problem repeats the status: " + r);
        assertTrue(p.hasNonNull("type") && p.hasNonNull("title") && p.hasNonNull("detail"), what + ": type, title, detail: " + r);
        String raw = r.raw().body();
        for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "com.fasterxml", "org.apache")) {
            assertFalse(raw.contains(leak), what + ": no stack trace or class name in a response (" + leak + "): " + r);
        }
        assertNotEquals(500, r.status(), what + " is never an internal error");
        String requestId = r.header("X-Request-Id");
        assertTrue(requestId != null && !requestId.isBlank(), what + ": the response carries its request id: " + r);
        assertEquals(requestId, p.path("requestId").asText(null), what + ": the problem names the request id of its header: " + r);
    }
}
