package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** Bodies are stored as written, and the HTML every view renders from them runs no script. */
public abstract class SanitizingScenarios extends ApiScenarios {
    static final String HOSTILE = """
        Hello **friends**, see [the manual](https://example.com/manual).

        [click me](javascript:alert(3)) and [me too](JaVaScRiPt:alert(4)) and <javascript:alert(6)>

        <script>alert('stored')</script>
        <img src=x onerror=alert(1)>
        <a href="javascript:alert(2)">click</a>
        <svg/onload=alert(5)>
        <iframe src="https://evil.example"></iframe>
        """;

    /** An opening tag with a script or an event handler, or a link or source with a javascript: URL. */
    private static final List<Pattern> ACTIVE = List.of(
        Pattern.compile("<\\s*(script|iframe|svg|object|embed)", Pattern.CASE_INSENSITIVE),
        Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
        Pattern.compile("<[^>]*(href|src)\\s*=\\s*[\"']?\\s*javascript:", Pattern.CASE_INSENSITIVE));

    @Test
    void textIsCleanedBeforeItIsChecked() {
        Member author = community.join("demo");
        Http.Response spaced = community.ask(author, "demo", "a    b", "A body.", null, List.of());
        assertEquals(400, spaced.status(), "'a    b' is the 3-character title 'a b', too short: " + spaced);
        assertEquals("title", spaced.json().get("errors").get(0).get("field").asText(), spaced.toString());
        Http.Response invisible = http.post("/api/v1/brands/demo/questions", author.token(),
            "{\"title\":\"A visible title\",\"body\":\"\\u0001\\u0002\\u0007 \\u0000\"}");
        assertEquals(400, invisible.status(), "a body of control characters is empty: " + invisible);
        assertEquals("body", invisible.json().get("errors").get(0).get("field").asText(), invisible.toString());

        Http.Response dirty = http.post("/api/v1/brands/demo/questions", author.token(),
            "{\"title\":\"Bad\\u202e char\\ud800 in\\n title\",\"body\":\"x\\u0000y\\u0007z\\udc00\\r\\nnext\"}");
        assertEquals(201, dirty.status(), dirty.toString());
        long id = dirty.json().get("id").asLong();
        String[] stored = server.core.db.inTransaction(c -> Sql.one(c, "SELECT title, body FROM post WHERE id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, id)).orElseThrow();
        assertEquals("Bad char in title", stored[0], "no override, lone surrogate or line break in a title");
        assertEquals("xyz\nnext", stored[1], "no NUL, BEL or lone surrogate in a body; its lines kept");
    }

    @Test
    void passwordsAreKeptExactlyAsTyped() {
        String password = "  spaced passphrase  ";
        Http.Response r = http.post("/api/v1/auth/register", null, Http.json("brand", "demo", "email", "spaces@demo.example",
            "password", password, "pseudonym", "Spaced-one"));
        assertEquals(202, r.status(), r.toString());
        assertEquals(200, http.post("/api/v1/auth/login", null, Http.json("brand", "demo", "email", "spaces@demo.example",
            "password", password)).status(), "the password as typed");
        assertEquals(401, http.post("/api/v1/auth/login", null, Http.json("brand", "demo", "email", "spaces@demo.example",
            "password", password.strip())).status(), "not a trimmed one");
    }

    @Test
    void questionsAndAnswersRenderNoActiveContent() {
        Member author = community.join("demo");
        Http.Response asked = community.ask(author, "demo", "A question with hostile markup", HOSTILE, null, List.of());
        assertEquals(201, asked.status(), "the question is accepted: " + asked);
        long id = asked.json().get("id").asLong();
        assertEquals(HOSTILE.strip(), asked.json().get("body").asText(), "the body is kept as written");
        assertEquals(HOSTILE.strip(), storedBody(id), "and stored as written");
        Http.Response answered = community.answer(community.join("demo"), "demo", id, HOSTILE);
        assertEquals(201, answered.status(), "the answer is accepted: " + answered);

        JsonNode q = community.question(null, "demo", id).json();
        assertSafe(q.get("bodyHtml").asText(), "question");
        assertSafe(q.get("answers").get(0).get("bodyHtml").asText(), "answer");
        assertSafe(asked.json().get("bodyHtml").asText(), "question as created");
        assertSafe(answered.json().get("bodyHtml").asText(), "answer as created");
    }

    @Test
    void complaintsAndResponsesRenderNoActiveContent() {
        Member customer = community.join("demo");
        Http.Response filed = community.complain(customer, "demo", "A complaint with hostile markup", HOSTILE, "LYON-PARTDIEU", false);
        assertEquals(201, filed.status(), "the complaint is accepted: " + filed);
        long id = filed.json().get("id").asLong();
        assertEquals(HOSTILE.strip(), storedBody(id), "stored as written");
        Http.Response responded = community.respond(community.demo("manager"), "demo", id, HOSTILE);
        assertEquals(201, responded.status(), "the response is accepted: " + responded);
        JsonNode c = community.complaint(null, "demo", id).json();
        assertSafe(c.get("bodyHtml").asText(), "complaint");
        assertSafe(c.get("responses").get(0).get("bodyHtml").asText(), "response");
    }

    @Test
    void previewsRenderLikePublishedPostsAndStoreNothing() {
        Member author = community.join("demo");
        long before = postCount();
        Http.Response preview = community.http().post("/api/v1/brands/demo/previews", author.token(), Http.json("body", HOSTILE));
        assertEquals(200, preview.status(), preview.toString());
        assertSafe(preview.json().get("bodyHtml").asText(), "preview");
        assertEquals(before, postCount(), "a preview stores nothing");
        assertEquals(401, community.http().post("/api/v1/brands/demo/previews", null, Http.json("body", "x")).status(),
            "previews are for signed-in members");
        assertEquals(400, community.http().post("/api/v1/brands/demo/previews", author.token(), Http.json("body", " ")).status(),
            "a blank body is refused");
    }

    private long postCount() {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT COUNT(*) FROM post", rs -> rs.getLong(1)).orElseThrow());
    }

    private String storedBody(long id) {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT body FROM post WHERE id = ?", rs -> rs.getString(1), id)
            .orElseThrow());
    }

    static void assertSafe(String html, String what) {
        for (Pattern p : ACTIVE) {
            assertFalse(p.matcher(html).find(), what + " renders no " + p + ": " + html);
        }
        // Escaped, the hostile markup is shown as text, where "javascript:" may be read but never run.
        assertFalse(html.toLowerCase().contains("<script"), what + " has no <script: " + html);
        assertFalse(html.toLowerCase().contains("onerror="), what + " has no onerror=: " + html);
        assertTrue(html.contains("<strong>friends</strong>"), what + " still renders Markdown: " + html);
        assertTrue(html.contains("href=\"https://example.com/manual\""), what + " keeps safe links: " + html);
        assertTrue(html.contains("rel=\"nofollow ugc noopener\"") || html.contains("rel=\"nofollow noopener ugc\"")
            || html.contains("nofollow"), what + " marks user links nofollow: " + html);
    }
}
