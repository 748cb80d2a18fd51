package org.entraide.core.internal.post;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Outbox;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/** Comments on questions and answers, with @mentions; moderation and the pipeline decide as for posts. */
public abstract class CommentScenarios extends ApiScenarios {

    private Http.Response comment(Member m, String brand, long postId, String body) {
        return http.post("/api/v1/brands/" + brand + "/posts/" + postId + "/comments", m == null ? null : m.token(),
            Http.json("body", body));
    }

    private long commentId(Member m, long postId, String body) {
        Http.Response r = comment(m, "demo", postId, body);
        assertEquals(201, r.status(), "the comment is stored: " + r);
        return r.json().get("id").asLong();
    }

    private JsonNode comments(Member m, long postId) {
        Http.Response r = http.get("/api/v1/brands/demo/posts/" + postId + "/comments", m == null ? null : m.token());
        assertEquals(200, r.status(), "the comments are readable: " + r);
        return r.json();
    }

    private static JsonNode answerOf(JsonNode question, long answerId) {
        for (JsonNode a : question.get("answers")) {
            if (a.get("id").asLong() == answerId) {
                return a;
            }
        }
        throw new AssertionError("no answer " + answerId + " in " + question);
    }

    @Test
    void aMemberCommentsAQuestionAndAnAnswerWithInlineMarkdownOnly() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "Which glue for tiles?", Community.unique("cmt"));
        Member answerer = community.join("demo");
        long a = community.answerId(answerer, q);
        Member other = community.join("demo");

        Http.Response created = comment(other, "demo", q, "Is it **indoors**? See [the guide](https://example.org/g)\n"
            + "# not a heading <script>alert(1)</script> ![img](https://example.org/i.png)");
        assertEquals(201, created.status(), "a member comments a question: " + created);
        String html = created.json().get("bodyHtml").asText();
        assertTrue(html.contains("<strong>indoors</strong>"), "bold is kept: " + html);
        java.util.regex.Matcher rel = java.util.regex.Pattern.compile("<a href=\"https://example.org/g\" rel=\"([^\"]*)\">")
            .matcher(html);
        assertTrue(rel.find() && List.of(rel.group(1).split(" ")).containsAll(List.of("nofollow", "ugc")),
            "a link is nofollow ugc: " + html);
        assertFalse(html.contains("<h1"), "no heading: " + html);
        assertFalse(html.contains("<script"), "no script: " + html);
        assertFalse(html.contains("<img"), "no image: " + html);
        assertFalse(html.contains("<p>"), "no block: " + html);
        assertEquals("PUBLISHED", created.json().get("publication").asText(), "published: " + created);
        commentId(asker, a, "Thanks, that `works`.");

        JsonNode view = community.question(null, "demo", q).json();
        assertEquals(1, view.get("comments").get("total").asInt(), "the thread embeds the question's comment: " + view);
        assertEquals(other.pseudonym(), view.get("comments").get("items").get(0).get("author").get("pseudonym").asText());
        JsonNode answer = answerOf(view, a);
        assertEquals(1, answer.get("comments").get("total").asInt(), "and the answer's: " + answer);
        assertTrue(answer.get("comments").get("items").get(0).get("bodyHtml").asText().contains("<code>works</code>"));
        assertFalse(view.toString().contains("@demo.example"), "no e-mail anywhere in the thread: " + view);

        List<Outbox.Event> events = outbox.aboutPost(q, "comment.posted");
        assertEquals(1, events.size(), "one comment.posted about the question: " + events);
        JsonNode payload = events.get(0).payload();
        assertEquals(asker.id(), payload.get("postAuthorId").asLong(), "naming whom the post is of: " + payload);
        assertEquals(q, payload.get("questionId").asLong(), "and its thread: " + payload);
        assertFalse(payload.toString().contains("null"), "no null in the payload: " + payload);
    }

    @Test
    void badCommentsAreRefusedAndChangeNothing() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "Too long a comment", Community.unique("long"));
        Member m = community.join("demo");
        assertProblem(400, comment(m, "demo", q, "x".repeat(601)), "601 characters are too many");
        assertProblem(400, comment(m, "demo", q, "   "), "a blank comment is refused");
        assertProblem(401, comment(null, "demo", q, "Anonymous"), "an anonymous caller cannot comment");
        assertProblem(404, comment(m, "demo", 999_999_999L, "Nowhere"), "an unknown post is not found");
        long complaint = community.complaintId(m, "LYON-PARTDIEU", false);
        assertProblem(409, comment(m, "demo", complaint, "On a complaint"), "complaints take no comments");
        assertEquals(0, comments(null, q).get("total").asInt(), "nothing was stored");
        assertTrue(outbox.aboutPost(q, "comment.posted").isEmpty(), "and no event appended");
        assertEquals(201, comment(m, "demo", q, "x".repeat(600)).status(), "600 characters are allowed");
    }

    @Test
    void anotherBrandsPostIsNotFound() {
        String other = Community.unique("brand");
        Http.Response b = http.post("/api/v1/admin/brands", Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD),
            Http.json("slug", other, "name", "Brand " + other, "adminEmail", "admin@" + other + ".example",
                "adminPassword", "brand-admin-password", "adminPseudonym", "Admin-" + other));
        assertEquals(201, b.status(), "another brand: " + b);
        Member local = community.join(other);
        Http.Response asked = community.ask(local, other, "A question elsewhere", "body", null, List.of());
        long q = asked.json().get("id").asLong();
        Member stranger = community.join("demo");
        assertProblem(404, comment(stranger, "demo", q, "Through demo"), "another brand's post is not in demo");
        assertProblem(403, comment(stranger, other, q, "In the other brand"), "nor does a demo token act in the other");
        assertProblem(404, http.get("/api/v1/brands/demo/posts/" + q + "/comments", stranger.token()),
            "nor are its comments read through demo");
    }

    @Test
    void theAuthorEditsAndDeletesAndAModeratorHides() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "Comments to change", Community.unique("chg"));
        Member author = community.join("demo");
        long c1 = commentId(author, q, "First words");
        long c2 = commentId(author, q, "Second words");
        Member other = community.join("demo");

        assertProblem(403, http.put("/api/v1/brands/demo/comments/" + c1, other.token(), Http.json("body", "Hijacked")),
            "another member cannot edit it");
        assertProblem(403, http.delete("/api/v1/brands/demo/comments/" + c1, other.token()), "nor delete it");
        Http.Response edited = http.put("/api/v1/brands/demo/comments/" + c1, author.token(), Http.json("body", "Better words"));
        assertEquals(200, edited.status(), "its author edits it: " + edited);
        assertTrue(edited.json().get("editedAt").isTextual(), "it says when: " + edited);
        assertEquals(1, outbox.aboutPost(q, "comment.edited").size(), "comment.edited is appended");

        assertEquals(204, http.delete("/api/v1/brands/demo/comments/" + c1, author.token()).status(), "its author deletes it");
        assertProblem(404, http.put("/api/v1/brands/demo/comments/" + c1, author.token(), Http.json("body", "Again")),
            "a deleted comment is gone");

        Member moderator = community.demo("moderator");
        assertEquals(204, http.delete("/api/v1/brands/demo/comments/" + c2, moderator.token()).status(),
            "a moderator hides someone else's comment");
        JsonNode publicView = community.question(null, "demo", q).json();
        assertEquals(0, publicView.get("comments").get("total").asInt(), "neither is shown to the public: " + publicView);
        assertEquals(0, comments(author, q).get("total").asInt(), "nor to its author once hidden");
        JsonNode forModerator = comments(moderator, q);
        assertEquals(1, forModerator.get("total").asInt(), "the moderator still sees the hidden one: " + forModerator);
        assertEquals("HIDDEN", forModerator.get("items").get(0).get("publication").asText());
        List<Outbox.Event> deleted = outbox.aboutPost(q, "comment.deleted");
        assertEquals(2, deleted.size(), "two comment.deleted events: " + deleted);
        assertTrue(deleted.get(1).payload().get("byModerator").asBoolean(), "the second by a moderator: " + deleted);

        assertProblem(403, http.put("/api/v1/brands/demo/comments/" + c2 + "/publication", author.token(),
            Http.json("publication", "PUBLISHED")), "its author cannot restore it");
        Http.Response restored = http.put("/api/v1/brands/demo/comments/" + c2 + "/publication", moderator.token(),
            Http.json("publication", "PUBLISHED"));
        assertEquals(200, restored.status(), "the moderator restores it: " + restored);
        assertEquals(1, comments(null, q).get("total").asInt(), "then everyone sees it again");
        assertEquals(1, outbox.aboutPost(q, "comment.moderated").size(), "comment.moderated is appended");
    }

    @Test
    void mentionsLinkMembersOfTheBrandAndAreInTheEvent() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "Who knows about paint?", Community.unique("mnt"));
        Member expert = community.join("demo");
        Member author = community.join("demo");
        Http.Response r = comment(author, "demo", q, "Ask @" + expert.pseudonym().toLowerCase() + ", not @nobody-here nor @"
            + author.pseudonym() + ". Mail me at x@" + expert.pseudonym() + ".example");
        assertEquals(201, r.status(), "a comment with mentions: " + r);
        String html = r.json().get("bodyHtml").asText();
        assertTrue(html.contains("href=\"/b/demo/users/" + expert.id() + "\""), "the mention links the profile: " + html);
        assertTrue(html.contains("&#64;" + expert.pseudonym() + "</a>"), "shown with the member's own spelling: " + html);
        assertTrue(html.contains("&#64;nobody-here nor"), "an unknown name stays text: " + html);
        assertFalse(html.contains("x<a"), "an address names nobody: " + html);
        JsonNode mentions = r.json().get("mentions");
        assertEquals(1, mentions.size(), "only the other member is mentioned (not oneself, not an address): " + mentions);
        JsonNode payload = outbox.aboutPost(q, "comment.posted").get(0).payload();
        assertEquals(List.of(expert.id()), ids(payload.get("mentionedIds")), "the event carries the mention: " + payload);

        Http.Response found = http.get("/api/v1/brands/demo/members?prefix=" + expert.pseudonym().substring(0, 7),
            author.token());
        assertEquals(200, found.status(), "members are looked up by prefix: " + found);
        assertTrue(found.json().get("items").size() >= 1, "the expert is among them: " + found);
        assertFalse(found.raw().body().contains("@"), "pseudonyms only, no e-mail: " + found);
        assertProblem(401, http.get("/api/v1/brands/demo/members?prefix=Me", null), "signed-in members only");
        assertProblem(400, http.get("/api/v1/brands/demo/members?prefix=M", author.token()), "a prefix of two at least");
    }

    @Test
    void aHeldCommentIsShownToItsAuthorAndModeratorsUntilPublished() throws Exception {
        server.install(List.of(new HoldComments()));
        Http.Response enabled = http.put("/api/v1/brands/demo/features", community.demo("admin").token(),
            "{\"" + HoldComments.NAME + "\":true}");
        assertTrue(enabled.status() < 300, "the test capability is enabled: " + enabled);
        try {
            Member asker = community.join("demo");
            long q = community.askId(asker, "A held comment", Community.unique("held"));
            Member author = community.join("demo");
            Http.Response r = comment(author, "demo", q, "hold-me please");
            assertEquals(201, r.status(), "a held comment is stored: " + r);
            assertEquals("PENDING_REVIEW", r.json().get("publication").asText(), "awaiting review: " + r);
            long id = r.json().get("id").asLong();
            assertEquals(0, comments(null, q).get("total").asInt(), "the public does not see it");
            assertEquals(1, comments(author, q).get("total").asInt(), "its author does");
            assertProblem(403, comment(author, "demo", q, "refuse-me"), "a step refuses another");
            JsonNode queue = http.get("/api/v1/brands/demo/comments?publication=PENDING_REVIEW",
                community.demo("moderator").token()).json();
            assertTrue(queue.get("items").findValues("id").stream().anyMatch(n -> n.asLong() == id),
                "moderators find it among the held comments: " + queue);
            assertEquals(q, queue.get("items").get(0).get("questionId").asLong(), "with its thread: " + queue);
            assertProblem(403, http.get("/api/v1/brands/demo/comments", author.token()), "members do not list them");
            Http.Response published = http.put("/api/v1/brands/demo/comments/" + id + "/publication",
                community.demo("moderator").token(), Http.json("publication", "PUBLISHED"));
            assertEquals(200, published.status(), "a moderator publishes it: " + published);
            assertEquals(1, comments(null, q).get("total").asInt(), "then everyone sees it");
        } finally {
            http.put("/api/v1/brands/demo/features", community.demo("admin").token(), "{\"" + HoldComments.NAME + "\":false}");
        }
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    /** A capability whose step holds comments saying "hold-me" and refuses those saying "refuse-me", as a privilege would. */
    public static final class HoldComments implements Capability, SubmissionStep {
        static final String NAME = "test-hold-comments";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "holds and refuses test comments";
        }

        @Override
        public String capability() {
            return NAME;
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public Submission apply(Submission s) {
            if (s.kind() != Submission.Kind.COMMENT || s.postType() != PostType.QUESTION) {
                return s;
            }
            if (s.body().contains("refuse-me")) {
                throw new ProblemException(403, "privilege-required", "Not enough reputation", "test", null, null);
            }
            return s.body().contains("hold-me") ? s.withState(PublicationState.PENDING_REVIEW, "test: held") : s;
        }
    }
}
