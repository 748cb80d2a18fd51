package org.entraide.core.internal.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.Cursor;
import org.junit.jupiter.api.Test;

class CursorTest {
    private static final String SCOPE = "questions|recent|null|tag|null|null|null";

    @Test
    void aCursorComesBackAsWritten() {
        Instant at = Instant.parse("2026-12-07T02:16:38.123456Z");
        String token = Cursor.after(at, 42).encode(7, SCOPE);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "base64url without padding, safe in a URL: " + token);
        Cursor back = Cursor.decode(token, 7, SCOPE);
        assertEquals(at, back.instant(), "the time to the nanosecond");
        assertEquals(42, back.id(), "the id");
        assertEquals(-3, Cursor.decode(Cursor.after(-3, 9).encode(7, SCOPE), 7, SCOPE).number(), "a negative score");
    }

    @Test
    void aCursorIsValidOnItsBrandAndListOnly() {
        String token = Cursor.after(Instant.EPOCH, 1).encode(7, SCOPE);
        assertEquals("after", field(() -> Cursor.decode(token, 8, SCOPE)), "another brand");
        assertEquals("after", field(() -> Cursor.decode(token, 7, SCOPE.replace("tag", "other"))), "other filters");
    }

    @Test
    void anAlteredCursorIsABadRequest() {
        String token = Cursor.after(Instant.EPOCH, 1).encode(7, SCOPE);
        String payload = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String otherId = payload.replace("|1|", "|2|");
        for (String bad : List.of("", "@@@", token.substring(1), token + "A", "x".repeat(300),
                Base64.getUrlEncoder().encodeToString(otherId.getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encodeToString("1|7|a|b|c".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals("after", field(() -> Cursor.decode(bad, 7, SCOPE)), "'" + bad + "' is refused");
        }
        Cursor number = Cursor.decode(Cursor.after(5, 1).encode(7, SCOPE), 7, SCOPE);
        assertEquals("after", field(number::instant), "a number is no time");
        Cursor time = Cursor.decode(token, 7, SCOPE);
        assertEquals("after", field(time::number), "a time is no number");
    }

    private static String field(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.status(), "a bad request");
        return e.errors().get(0).field();
    }
}
