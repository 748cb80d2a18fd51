package org.entraide.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.entraide.api.event.EventTypes;
import org.entraide.api.event.NewEvent;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Outbox;
import org.junit.jupiter.api.Test;

/** Every state change appends its event to the outbox in the same transaction; a refused request appends none. */
public abstract class DomainEventScenarios extends ApiScenarios {

    @Test
    void eachStateChangeAppendsItsEvent() {
        Member asker = community.join("demo");
        Member helper = community.join("demo");
        Member other = community.join("demo");
        Member manager = community.demo("manager");
        long demoBrand = server.core.brands.require("demo").id();
        long from = outbox.lastId();

        long q = community.askId(asker, "Which glue for ceramics?", "glue");
        long a1 = community.answerId(helper, q);
        long a2 = community.answerId(other, q);
        community.vote(other, "demo", a1, 1);
        community.vote(other, "demo", a1, -1);
        community.vote(other, "demo", a1, 0);
        community.accept(asker, "demo", q, a1);
        community.accept(asker, "demo", q, a2);
        long complaint = community.complaintId(asker, "LYON-PARTDIEU", false);
        long response = community.respond(manager, "demo", complaint, "Come and see us.").json().get("id").asLong();
        community.resolve(asker, "demo", complaint, true, 9, false);

        List<Outbox.Event> events = outbox.after(from);
        assertEquals(List.of(
            "post.submitted", "post.published",
            "post.submitted", "post.published",
            "post.submitted", "post.published",
            "vote.cast", "vote.changed", "vote.retracted",
            "answer.accepted",
            "answer.unaccepted", "answer.accepted",
            "post.submitted", "complaint.filed", "post.published", "complaint.published",
            "post.submitted", "post.published", "complaint.responded",
            "complaint.resolved"), events.stream().map(Outbox.Event::type).toList(), "one event per change, in order");
        events.forEach(e -> assertEquals(demoBrand, e.brandId(), "every event belongs to the brand: " + e));

        Outbox.Event asked = events.get(0);
        assertEquals(q, asked.subjectId(), "post.submitted is about the question");
        assertEquals("QUESTION", asked.payload().get("postType").asText(), "with its type: " + asked);
        assertEquals(asker.id(), asked.actorId(), "by its author");
        assertEquals("[\"glue\"]", asked.payload().get("tags").toString(), "with its tags: " + asked);
        assertEquals(q, events.get(2).payload().get("parentId").asLong(), "an answer names its question: " + events.get(2));

        Outbox.Event cast = events.get(6);
        assertEquals(a1, cast.subjectId(), "the vote is about the answer: " + cast);
        assertEquals(other.id(), cast.actorId(), "by the voter: " + cast);
        assertEquals(Map.of("value", 1, "previous", 0, "voterId", (int) other.id(), "postAuthorId", (int) helper.id()),
            Map.of("value", cast.payload().get("value").asInt(), "previous", cast.payload().get("previous").asInt(),
                "voterId", cast.payload().get("voterId").asInt(), "postAuthorId", cast.payload().get("postAuthorId").asInt()),
            "vote.cast says who voted what on whose post: " + cast);
        assertEquals(-1, events.get(7).payload().get("value").asInt(), "vote.changed has the new value");
        assertEquals(1, events.get(7).payload().get("previous").asInt(), "and the previous one");
        assertEquals(0, events.get(8).payload().get("value").asInt(), "vote.retracted ends at 0");

        assertEquals(a1, events.get(9).payload().get("answerId").asLong(), "answer.accepted names the answer");
        assertEquals(helper.id(), events.get(9).payload().get("answerAuthorId").asLong(), "and its author");
        assertEquals(a1, events.get(10).payload().get("answerId").asLong(), "answer.unaccepted names the previous answer");
        assertEquals(a2, events.get(11).payload().get("answerId").asLong(), "before the new one is accepted");

        assertEquals("LYON-PARTDIEU", events.get(13).payload().get("storeCode").asText(), "complaint.filed names the store");
        assertEquals("PUBLISHED", events.get(13).payload().get("publication").asText(), "and the pipeline's decision");
        Outbox.Event published = events.get(15);
        assertEquals("LYON-PARTDIEU", published.payload().get("storeCode").asText(), "complaint.published names the store");
        assertFalse(published.payload().has("authorId") || (published.actorId() != null && published.actorId() != 0),
            "but never the complainant: " + published);
        assertEquals(response, events.get(18).payload().get("responseId").asLong(), "complaint.responded names the response");
        assertEquals(manager.id(), events.get(18).payload().get("responderId").asLong(), "and the responder");
        Outbox.Event resolved = events.get(19);
        assertEquals(9, resolved.payload().get("rating").asInt(), "complaint.resolved has the rating: " + resolved);
        assertEquals(false, resolved.payload().get("wouldBuyAgain").asBoolean(), "and wouldBuyAgain: " + resolved);
        assertEquals(complaint, resolved.subjectId(), "about the complaint");
    }

    @Test
    void aPostApprovedAfterReviewIsPublishedInTheSameShapeAsOnePublishedAtOnce() {
        SubmissionStep holdMarked = new SubmissionStep() {
            public String capability() {
                return null;
            }

            public int order() {
                return 200;
            }

            public Submission apply(Submission sub) {
                return sub.title() != null && sub.title().startsWith("[hold]") ? sub.withState(PublicationState.PENDING_REVIEW,
                    "held by rule 'marked'") : sub;
            }
        };
        server.core.pipeline.add(holdMarked);
        try {
            Member asker = community.join("demo");
            long brand = server.core.brands.require("demo").id();
            long from = outbox.lastId();
            long direct = community.ask(asker, "demo", "Which glue for ceramics?", "A body long enough.", "livraison",
                List.of("glue", "ceramics")).json().get("id").asLong();
            long held = community.ask(asker, "demo", "[hold] Which glue for glass?", "A body long enough.", "livraison",
                List.of("glue", "glass")).json().get("id").asLong();
            server.core.publications.change(brand, held, PublicationState.PUBLISHED, null, "fine");
            List<Outbox.Event> events = outbox.after(from);
            Outbox.Event heldSubmitted = events.stream().filter(e -> e.subjectId() == held && e.type().equals("post.submitted"))
                .findFirst().orElseThrow();
            assertEquals("PENDING_REVIEW", heldSubmitted.payload().get("publication").asText(), "the decision: " + heldSubmitted);
            assertEquals("[\"held by rule 'marked'\"]", heldSubmitted.payload().get("notes").toString(), "and why");
            Outbox.Event first = published(events, direct);
            Outbox.Event later = published(events, held);
            assertEquals(first.payload().get("topicId"), later.payload().get("topicId"), "the topic, after review too: " + later);
            assertEquals("[\"glass\",\"glue\"]", later.payload().get("tags").toString(), "the tags: " + later);
            assertEquals("PENDING_REVIEW", later.payload().get("from").asText(), "and where it came from");
            for (String field : List.of("postId", "postType", "authorId", "topicId", "tags", "publication")) {
                assertTrue(first.payload().has(field) && later.payload().has(field), field + " in both: " + first + " / " + later);
            }
        } finally {
            server.core.pipeline.remove(holdMarked);
        }
    }

    private static Outbox.Event published(List<Outbox.Event> events, long post) {
        return events.stream().filter(e -> e.subjectId() == post && e.type().equals("post.published")).findFirst().orElseThrow();
    }

    @Test
    void registrationAndRolesAppendTheirEvents() {
        long from = outbox.lastId();
        Member member = community.join("demo");
        community.makeManager(community.demo("admin"), member, "PARIS-BERCY");
        List<Outbox.Event> events = outbox.after(from);
        assertEquals(List.of("user.registered", "role.granted"), events.stream().map(Outbox.Event::type).toList(),
            "registering and granting a role");
        assertEquals(member.id(), events.get(0).subjectId(), "about the new user");
        assertEquals("user", events.get(0).subjectType(), "a user subject");
        assertEquals("STORE_MANAGER", events.get(1).payload().get("role").asText(), "the granted role");
    }

    @Test
    void refusedRequestsAppendNoEvent() {
        Member author = community.join("demo");
        Member other = community.join("demo");
        long q = community.askId(author, "Will refusals leave a trace?");
        long a = community.answerId(other, q);
        long complaint = community.complaintId(author, "LYON-PARTDIEU", false);
        long before = outbox.count();

        assertEquals(409, community.resolve(author, "demo", complaint, true, 5, true).status(), "a verdict before a response");
        assertEquals(403, community.vote(author, "demo", q, 1).status(), "a vote on one's own post");
        assertEquals(400, community.vote(other, "demo", complaint, 1).status(), "a vote on a complaint");
        assertEquals(403, community.accept(other, "demo", q, a).status(), "an accept by someone else");
        assertEquals(403, community.respond(other, "demo", complaint, "Not staff").status(), "a response by a customer");
        assertEquals(400, community.ask(author, "demo", "Bad topic here", "body", "no-such-topic", List.of()).status(),
            "a question in an unknown topic");
        assertEquals(202, http.post("/api/v1/auth/register", null, Http.json("brand", "demo", "email", author.email(),
            "password", "long-enough-password", "pseudonym", "Fresh-Name")).status(), "a second registration, answered "
            + "as a first one but creating nothing");
        assertEquals(before, outbox.count(), "no refused request appended an event");
    }

    @Test
    void anEventAndItsChangeCommitOrRollBackTogether() {
        long q = community.askId(community.join("demo"), "Does a failed change leave its event?");
        long brand = server.core.brands.require("demo").id();
        long before = outbox.count();
        assertThrows(IllegalStateException.class, () -> server.core.db.inTransaction(c -> {
            Sql.update(c, "UPDATE post SET title = 'changed' WHERE id = ?", q);
            // a nested transaction joins the outer one, as a service calling the event log does
            server.core.db.inTransaction(inner -> server.core.events.append(inner,
                NewEvent.of(brand, "test.changed", null, EventTypes.SUBJECT_POST, q, Map.of("postId", q))));
            throw new IllegalStateException("the change fails after its event was appended");
        }));
        assertEquals(before, outbox.count(), "the event is rolled back with the change");
        assertEquals("Does a failed change leave its event?", community.question(null, "demo", q).json().get("title").asText(),
            "and so is the change");

        server.core.db.inTransaction(c -> {
            Sql.update(c, "UPDATE post SET title = 'Changed with its event' WHERE id = ?", q);
            return server.core.events.append(c, NewEvent.of(brand, "test.changed", null, EventTypes.SUBJECT_POST, q, Map.of()));
        });
        assertEquals(before + 1, outbox.count(), "a committed change keeps its event");
        assertTrue(outbox.aboutPost(q, "test.changed").size() == 1, "about the post");
    }
}
