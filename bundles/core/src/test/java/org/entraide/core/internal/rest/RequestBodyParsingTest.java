package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RequestBodyParsingTest {
    private final RequestBodies bodies = new RequestBodies(JsonCodec.create(), 1024);

    @Test
    void aValidBodyIsMappedAsSent() {
        Requests.Question q = parse("{\"title\":\"  A title  \",\"body\":\"b\",\"tags\":[\"x\"]}", Requests.Question.class);
        assertEquals("  A title  ", q.title(), "the body is mapped as sent; cleaning is the service's job");
        assertEquals(List.of("x"), q.tags(), "lists are mapped");
    }

    @Test
    void everyInvalidFieldIsListed() {
        ProblemException e = assertThrows(ProblemException.class,
            () -> parse("{\"title\":\"abc\",\"body\":\"\",\"tags\":[\"UP\"]}", Requests.Question.class));
        assertEquals(400, e.status(), "invalid fields are a 400");
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(3, fields.size(), "title too short, body blank, bad tag: " + e.errors());
        assertEquals("body", fields.get(0), "sorted by field: " + fields);
    }

    @Test
    void theLimitIsCountedInBytesNotCharacters() {
        byte[] atLimit = ("{\"body\":\"" + "é".repeat((1024 - 11) / 2) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(1023, atLimit.length, "a body just under the limit, in two-byte characters");
        assertEquals(1023, bodies.read(new ByteArrayInputStream(atLimit)).length, "is read whole");
        byte[] over = new byte[1025];
        ProblemException e = assertThrows(ProblemException.class, () -> bodies.read(new ByteArrayInputStream(over)));
        assertEquals(413, e.status(), "one byte over is a 413");
    }

    @Test
    void theLimitFollowsTheConfiguration() {
        bodies.setMaxBytes(2048);
        assertEquals(2048, bodies.read(new ByteArrayInputStream(new byte[2048])).length, "a raised limit applies at once");
    }

    private <T> T parse(String json, Class<T> type) {
        return bodies.parse(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
