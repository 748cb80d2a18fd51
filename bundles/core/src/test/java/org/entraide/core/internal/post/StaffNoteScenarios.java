package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Outbox;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * Staff notes: the brand's official voice (its admins) attaches a note to a public answer, shown with the answer in
 * the thread; members and moderators cannot; the note is sanitized Markdown and its changes are events.
 */
public abstract class StaffNoteScenarios extends ApiScenarios {
    private String note(long answerId) {
        return "/api/v1/brands/demo/posts/" + answerId + "/staff-note";
    }

    private JsonNode answerIn(JsonNode question, long answerId) {
        for (JsonNode a : question.get("answers")) {
            if (a.get("id").asLong() == answerId) {
                return a;
            }
        }
        throw new AssertionError("answer " + answerId + " not in " + question);
    }

    @Test
    void theBrandsVoiceNotesAnAnswerShownInTheThreadAndMembersCannot() {
        Member admin = community.demo("admin");
        Member moderator = community.demo("moderator");
        Member asker = community.join("demo");
        Member answerer = community.join("demo");
        long q = community.askId(asker, "Return policy for opened items?");
        long a = community.answerId(answerer, q);

        long before = outbox.lastId();
        Problems.assertProblem(401, http.put(note(a), null, Http.json("body", "Not our policy.")), "anonymous");
        Problems.assertProblem(403, http.put(note(a), answerer.token(), Http.json("body", "Not our policy.")), "the answer's author");
        Problems.assertProblem(403, http.put(note(a), asker.token(), Http.json("body", "Not our policy.")), "a member");
        Problems.assertProblem(403, http.put(note(a), moderator.token(), Http.json("body", "Not our policy.")),
            "a moderator keeps order but does not speak for the brand");
        Problems.assertProblem(400, http.put(note(a), admin.token(), Http.json("body", "x".repeat(2001))), "past 2000 characters");
        Problems.assertProblem(400, http.put(note(a), admin.token(), Http.json("body", "  ")), "blank");
        Problems.assertProblem(404, http.put(note(q), admin.token(), Http.json("body", "A question takes no note.")), "a question");
        assertEquals(0L, noteCount(a), "nothing stored");
        assertTrue(outbox.after(before).isEmpty(), "no event");

        Http.Response put = http.put(note(a), admin.token(), Http.json("body", "This is **no longer** our policy since March."));
        assertEquals(200, put.status(), "the admin notes it: " + put);
        assertTrue(put.json().get("bodyHtml").asText().contains("<strong>no longer</strong>"), "rendered: " + put);
        JsonNode shown = answerIn(http.get("/api/v1/brands/demo/questions/" + q, null).json(), a).get("staffNote");
        assertEquals("This is **no longer** our policy since March.", shown.get("body").asText(), "in the thread: " + shown);
        assertTrue(shown.at("/voice/en").asText().startsWith("Official note"), "introduced as the brand's: " + shown);
        assertTrue(shown.at("/voice/fr").asText().startsWith("Note officielle"), "in French too: " + shown);
        assertFalse(shown.get("updatedAt").isNull(), "dated");
        assertTrue(shown.toString().indexOf(admin.email()) < 0, "no e-mail address");

        List<Outbox.Event> events = outbox.aboutPost(a, "answer.staff-noted");
        assertEquals(1, events.size(), "one event: " + events);
        JsonNode payload = events.get(0).payload();
        assertEquals(q, payload.get("questionId").asLong());
        assertEquals(answerer.id(), payload.get("answerAuthorId").asLong());
        assertEquals(admin.id(), payload.get("notedBy").asLong());
        assertFalse(payload.get("removed").asBoolean());

        assertEquals(200, http.put(note(a), admin.token(), Http.json("body", "Changed again in April.")).status(), "replaced");
        assertEquals(1L, noteCount(a), "one note per answer");
        assertEquals("Changed again in April.", answerIn(http.get("/api/v1/brands/demo/questions/" + q, null).json(), a)
            .at("/staffNote/body").asText());

        Problems.assertProblem(403, http.delete(note(a), answerer.token()), "members do not remove it");
        assertEquals(204, http.delete(note(a), admin.token()).status(), "the admin removes it");
        assertTrue(answerIn(http.get("/api/v1/brands/demo/questions/" + q, null).json(), a).get("staffNote").isNull(),
            "gone from the thread");
        Problems.assertProblem(404, http.delete(note(a), admin.token()), "nothing left to remove");
        List<Outbox.Event> all = outbox.aboutPost(a, "answer.staff-noted");
        assertTrue(all.get(all.size() - 1).payload().get("removed").asBoolean(), "the removal is an event too: " + all);
    }

    @Test
    void aScriptInANoteIsRenderedInert() {
        Member admin = community.demo("admin");
        Member asker = community.join("demo");
        long q = community.askId(asker, "Is the night shift open?");
        long a = community.answerId(community.join("demo"), q);
        String body = "<script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>";
        assertEquals(200, http.put(note(a), admin.token(), Http.json("body", body)).status());
        String html = answerIn(http.get("/api/v1/brands/demo/questions/" + q, null).json(), a).at("/staffNote/bodyHtml").asText();
        assertFalse(html.contains("<script"), "no script element: " + html);
        assertFalse(html.contains("href=\"javascript"), "no javascript link: " + html);
        assertFalse(html.contains("<img"), "no image with its event handler: " + html);
        assertTrue(html.contains("&lt;script&gt;"), "the script shows as text: " + html);
    }

    @Test
    void onlyPublicAnswersOfTheBrandTakeANote() {
        Member admin = community.demo("admin");
        Member asker = community.join("demo");
        Member answerer = community.join("demo");
        long q = community.askId(asker, "Deleted answers keep quiet?");
        long a = community.answerId(answerer, q);
        assertEquals(204, http.delete("/api/v1/brands/demo/posts/" + a, answerer.token()).status(), "deleted by its author");
        Problems.assertProblem(409, http.put(note(a), admin.token(), Http.json("body", "Too late.")), "a deleted answer");

        String other = Community.unique("notes");
        server.core.administration.createBrand(other, "Other", "admin@" + other + ".example", "other-admin-password",
            "Boss-" + other);
        Member otherAdmin = community.login(other, "admin@" + other + ".example", "other-admin-password");
        long b = community.answerId(answerer, q);
        Problems.assertProblem(404, http.put("/api/v1/brands/" + other + "/posts/" + b + "/staff-note", otherAdmin.token(),
            Http.json("body", "Not yours.")), "another brand's answer is not found");
        Problems.assertProblem(403, http.put(note(b), otherAdmin.token(), Http.json("body", "Not yours.")),
            "another brand's admin on this brand");
        assertEquals(0L, noteCount(b), "nothing stored");
    }

    private long noteCount(long answerId) {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM staff_note WHERE answer_id = ?", answerId));
    }
}
