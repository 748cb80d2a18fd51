package org.entraide.core.internal.post;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Outbox;
import org.junit.jupiter.api.Test;

/** Members edit and delete their posts; every version is kept and readable. */
public abstract class PostEditScenarios extends ApiScenarios {

    private Http.Response edit(Member m, long id, String title, String body) {
        return http.put("/api/v1/brands/demo/posts/" + id, m == null ? null : m.token(), Http.json("title", title, "body", body));
    }

    private Http.Response delete(Member m, long id) {
        return http.delete("/api/v1/brands/demo/posts/" + id, m == null ? null : m.token());
    }

    private JsonNode revisions(Member m, long id) {
        Http.Response r = http.get("/api/v1/brands/demo/posts/" + id + "/revisions", m == null ? null : m.token());
        assertEquals(200, r.status(), "the revisions are readable: " + r);
        return r.json().get("items");
    }

    @Test
    void anAuthorEditsAQuestionAndEveryVersionIsKept() {
        Member asker = community.join("demo");
        long id = community.askId(asker, "Which paint for a bathroom?", Community.unique("edit"));
        JsonNode before = community.question(null, "demo", id).json();
        assertEquals(1, before.get("revisionCount").asInt(), "a new question has one version: " + before);
        assertTrue(before.get("editedAt").isNull(), "and was never edited: " + before);

        Http.Response edited = edit(asker, id, "Which paint for a humid bathroom?", "It has **no window**.");
        assertEquals(200, edited.status(), "the author edits their question: " + edited);
        assertEquals(2, edited.json().get("revisionCount").asInt(), "the edit is the second version: " + edited);

        JsonNode q = community.question(null, "demo", id).json();
        assertEquals("Which paint for a humid bathroom?", q.get("title").asText(), "the view shows the new title: " + q);
        assertTrue(q.get("bodyHtml").asText().contains("<strong>no window</strong>"), "the new body, rendered: " + q);
        assertNotNull(q.get("editedAt").textValue(), "the view says when it was edited: " + q);
        assertFalse(q.get("editedByModerator").asBoolean(), "by its author: " + q);

        JsonNode versions = revisions(null, id);
        assertEquals(2, versions.size(), "anyone reads both versions of a public question: " + versions);
        assertEquals("Which paint for a bathroom?", versions.get(0).get("title").asText(), "the first as first asked");
        assertEquals("Which paint for a humid bathroom?", versions.get(1).get("title").asText(), "the second as edited");
        assertEquals(asker.pseudonym(), versions.get(1).get("editor").get("pseudonym").asText(), "naming its editor");

        List<Outbox.Event> events = outbox.aboutPost(id, "post.edited");
        assertEquals(1, events.size(), "one post.edited event: " + events);
        assertEquals(2, events.get(0).payload().get("revision").asInt(), "with the revision it shows: " + events);
        assertFalse(events.get(0).payload().get("byModerator").asBoolean(), "by its author: " + events);
    }

    @Test
    void anUnchangedEditStoresNoVersion() {
        Member asker = community.join("demo");
        long id = community.askId(asker, "Same text twice", Community.unique("same"));
        String body = community.question(null, "demo", id).json().get("body").asText();
        assertEquals(200, edit(asker, id, null, body).status(), "an edit that changes nothing is accepted");
        assertEquals(1, revisions(null, id).size(), "and stores no version");
        assertTrue(outbox.aboutPost(id, "post.edited").isEmpty(), "nor any event");
    }

    @Test
    void onlyTheAuthorOrAModeratorEdits() {
        Member asker = community.join("demo");
        Member other = community.join("demo");
        long id = community.askId(asker, "Whose question is this?", Community.unique("who"));
        assertProblem(403, edit(other, id, null, "Rewritten by someone else"), "another member cannot edit it");
        assertProblem(401, edit(null, id, null, "Anonymous rewrite"), "an anonymous caller cannot edit it");
        assertProblem(404, edit(asker, 999_999_999L, null, "No such post"), "an unknown post is not found");
        assertProblem(400, http.put("/api/v1/brands/demo/posts/" + id, asker.token(), Http.json("body", "")),
            "an empty body is refused");
        assertEquals(1, revisions(null, id).size(), "nothing was stored by the refused edits");

        Http.Response byModerator = edit(community.demo("moderator"), id, null, "Tidied up by a moderator.");
        assertEquals(200, byModerator.status(), "a moderator edits a question of the brand: " + byModerator);
        JsonNode q = community.question(null, "demo", id).json();
        assertTrue(q.get("editedByModerator").asBoolean(), "the view says a moderator edited it: " + q);
        assertTrue(revisions(null, id).get(1).get("byModerator").asBoolean(), "and so does the version");
    }

    @Test
    void anAnswerHasNoTitle() {
        long q = community.askId(community.join("demo"), "An answer to edit", Community.unique("ans"));
        Member answerer = community.join("demo");
        long a = community.answerId(answerer, q);
        assertProblem(400, edit(answerer, a, "A title for an answer", "New body"), "an answer takes no title");
        Http.Response ok = edit(answerer, a, null, "A better answer.");
        assertEquals(200, ok.status(), "the answer's author edits its body: " + ok);
        JsonNode answer = answerOf(community.question(null, "demo", q).json(), a);
        assertEquals("A better answer.", answer.get("body").asText(), "the question shows the new answer: " + answer);
        assertEquals(2, answer.get("revisionCount").asInt(), "with two versions: " + answer);
    }

    @Test
    void aComplaintIsEditableUntilItsResponseAndItsVersionsNameNobody() {
        Member customer = community.join("demo");
        long id = community.complaintId(customer, "LYON-PARTDIEU", false);
        Http.Response edited = edit(customer, id, "Problem at the Lyon store", "Nobody could help me, twice.");
        assertEquals(200, edited.status(), "the complainant edits their complaint before any response: " + edited);
        assertProblem(403, edit(community.demo("moderator"), id, null, "A moderator's rewrite"),
            "a moderator does not rewrite a complaint");
        JsonNode versions = revisions(null, id);
        assertEquals(2, versions.size(), "both versions are public: " + versions);
        for (JsonNode v : versions) {
            assertTrue(v.get("editor").isNull(), "no version names the complainant: " + v);
        }
        assertFalse(versions.toString().contains(customer.pseudonym()), "nor shows their pseudonym: " + versions);
        assertEquals(null, outbox.aboutPost(id, "post.edited").get(0).actorId(), "the event names no actor for a complaint: "
            + outbox.aboutPost(id, "post.edited"));

        assertEquals(201, community.respond(community.demo("admin"), "demo", id, "We are sorry.").status(), "an official response");
        assertProblem(409, edit(customer, id, null, "After the response"), "then the complaint is no longer edited");
        assertProblem(409, delete(customer, id), "nor deleted");
    }

    @Test
    void anAuthorDeletesTheirAnswerWhichStaysAsAPlaceholder() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "An answer to delete", Community.unique("del"));
        Member answerer = community.join("demo");
        long a = community.answerId(answerer, q);
        assertProblem(403, delete(community.join("demo"), a), "another member cannot delete it");
        assertEquals(204, delete(answerer, a).status(), "its author deletes it");
        JsonNode question = community.question(null, "demo", q).json();
        JsonNode answer = answerOf(question, a);
        assertTrue(answer.get("deleted").asBoolean(), "the answer stays in the thread, deleted: " + answer);
        assertEquals("", answer.get("body").asText(), "without its text: " + answer);
        assertEquals(0, question.get("answerCount").asInt(), "and no longer counts: " + question);
        assertProblem(409, edit(answerer, a, null, "Back from the dead"), "a deleted post is not edited");
        assertProblem(409, delete(answerer, a), "nor deleted twice");
        assertProblem(409, community.vote(community.join("demo"), "demo", a, 1), "nor voted on");
        assertProblem(409, community.accept(asker, "demo", q, a), "nor accepted");
        List<Outbox.Event> events = outbox.aboutPost(a, "post.deleted");
        assertEquals(1, events.size(), "one post.deleted event: " + events);
        assertEquals("PUBLISHED", events.get(0).payload().get("publication").asText(), "saying what it was: " + events);
    }

    @Test
    void anAcceptedAnswerCannotBeDeleted() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "An accepted answer stays", Community.unique("acc"));
        Member answerer = community.join("demo");
        long a = community.answerId(answerer, q);
        assertEquals(200, community.accept(asker, "demo", q, a).status(), "the asker accepts it");
        assertProblem(409, delete(answerer, a), "an accepted answer cannot be deleted");
        assertEquals(200, edit(answerer, a, null, "Still accepted, now clearer.").status(), "but it can be edited");
    }

    @Test
    void aDeletedQuestionLeavesTheLists() {
        Member asker = community.join("demo");
        String tag = Community.unique("gone");
        long id = community.askId(asker, "A question to delete", tag);
        assertEquals(204, delete(asker, id).status(), "its author deletes the question");
        assertTrue(Community.ids(http.get("/api/v1/brands/demo/questions?tag=" + tag, null).json()).isEmpty(),
            "it leaves the list");
        JsonNode q = community.question(null, "demo", id).json();
        assertTrue(q.get("deleted").asBoolean(), "its page says it was deleted: " + q);
        assertEquals("", q.get("title").asText(), "and shows no title: " + q);
        assertProblem(404, http.get("/api/v1/brands/demo/posts/" + id + "/revisions", null), "its versions are gone too");
    }

    @Test
    void aBrandSetsAnEditWindow() {
        Member admin = community.demo("admin");
        Member asker = community.join("demo");
        long id = community.askId(asker, "Edited inside the window", Community.unique("win"));
        assertProblem(403, http.put("/api/v1/brands/demo/content-policy", asker.token(), Http.json("editWindowMinutes", 5)),
            "a member does not set the window");
        assertProblem(400, http.put("/api/v1/brands/demo/content-policy", admin.token(), Http.json("editWindowMinutes", 0)),
            "a window of zero minutes is refused");
        Http.Response set = http.put("/api/v1/brands/demo/content-policy", admin.token(), Http.json("editWindowMinutes", 60));
        try {
            assertEquals(200, set.status(), "the brand admin sets a window of an hour: " + set);
            assertEquals(200, edit(asker, id, null, "Within the hour.").status(), "a post of a minute ago is edited");
            server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c,
                "UPDATE post SET created_at = ? WHERE id = ?", java.time.Instant.now().minus(java.time.Duration.ofHours(2)), id));
            assertProblem(409, edit(asker, id, null, "Too late."), "a post of two hours ago is not");
            assertEquals(200, edit(community.demo("moderator"), id, null, "A moderator is not bound by the window.").status(),
                "a moderator still edits it");
        } finally {
            http.put("/api/v1/brands/demo/content-policy", admin.token(), Http.json("editWindowMinutes", null));
        }
        assertTrue(http.get("/api/v1/brands/demo/content-policy", admin.token()).json().get("editWindowMinutes").isNull(),
            "the window is back to always");
    }

    private static JsonNode answerOf(JsonNode question, long answerId) {
        for (JsonNode a : question.get("answers")) {
            if (a.get("id").asLong() == answerId) {
                return a;
            }
        }
        throw new AssertionError("no answer " + answerId + " in " + question);
    }
}
