package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/**
 * Public views never show a complainant's e-mail, and show their pseudonym only when they chose to.
 * The raw response bodies are searched, not just the fields a client would read.
 */
public abstract class ComplaintPrivacyScenarios extends ApiScenarios {

    @Test
    void aHiddenComplainantAppearsNowhere() {
        Member complainant = community.join("demo");
        String store = community.newStore(community.demo("admin"), "Nantes");
        long id = community.complaintId(complainant, store, false);
        List<String> bodies = views(id, store, complainant);
        for (String body : bodies) {
            assertFalse(lower(body).contains(lower(complainant.email())), "no e-mail in " + body);
            assertFalse(lower(body).contains(lower(complainant.pseudonym())), "no pseudonym in " + body);
            assertFalse(body.contains("\"id\":" + complainant.id() + ","), "no user id in " + body);
        }
        Http.Response own = community.complaint(complainant, "demo", id);
        assertTrue(own.json().get("mine").asBoolean(), "the complainant is told it is theirs: " + own);
        assertTrue(own.json().get("author").isNull(), "without being named: " + own);
        assertFalse(community.complaint(community.join("demo"), "demo", id).json().get("mine").asBoolean(),
            "nobody else is told it is theirs");
    }

    @Test
    void aMembersPublicProfileListsQuestionsAndAnswersButNeverComplaints() {
        Member member = community.join("demo");
        long complaint = community.complaintId(member, "LYON-PARTDIEU", true);
        long question = community.askId(member, "Which paint for a bathroom ceiling?");
        Member asker = community.join("demo");
        long other = community.askId(asker, "Which ladder for a staircase?");
        long answer = community.answerId(member, other);
        assertEquals(200, community.accept(asker, "demo", other, answer).status());
        Http.Response r = community.http().get("/api/v1/brands/demo/users/" + member.id(), null);
        assertEquals(200, r.status(), r.toString());
        assertEquals(member.pseudonym(), r.json().get("pseudonym").asText());
        assertEquals(1, r.json().get("questions").asLong());
        assertEquals(1, r.json().get("answers").asLong());
        assertEquals(1, r.json().get("acceptedAnswers").asLong());
        assertFalse(r.toString().contains("\"postId\":" + complaint + ","), "no complaint in the profile: " + r);
        assertFalse(lower(r.toString()).contains(lower(member.email())), "no e-mail: " + r);
        assertTrue(r.toString().contains("\"postId\":" + question + ","), r.toString());
        assertTrue(r.toString().contains("Which ladder for a staircase?"), "an answer shows its question's title: " + r);
        assertEquals(404, community.http().get("/api/v1/brands/demo/users/999999999", null).status());
    }

    @Test
    void aComplainantWhoChoseToShowAppearsByPseudonymOnly() {
        Member complainant = community.join("demo");
        String store = community.newStore(community.demo("admin"), "Rennes");
        long id = community.complaintId(complainant, store, true);
        for (String body : views(id, store, complainant)) {
            assertFalse(lower(body).contains(lower(complainant.email())), "no e-mail in " + body);
            assertTrue(body.contains("\"pseudonym\":\"" + complainant.pseudonym() + "\""), "the chosen pseudonym in " + body);
        }
    }

    @Test
    void questionsShowThePseudonymButNeverTheEmail() {
        Member asker = community.join("demo");
        long q = community.askId(asker, "Is my e-mail shown with my question?");
        community.answerId(asker, q);
        for (String body : List.of(community.question(null, "demo", q).raw().body(),
                community.question(community.join("demo"), "demo", q).raw().body(),
                http.get("/api/v1/brands/demo/questions?size=100", null).raw().body())) {
            assertFalse(lower(body).contains(lower(asker.email())), "no e-mail in " + body);
            assertTrue(body.contains(asker.pseudonym()), "the pseudonym is public in " + body);
        }
    }

    /** Every public view of the complaint, before and after a response and a verdict. */
    private List<String> views(long id, String store, Member complainant) {
        Member reader = community.join("demo");
        Member admin = community.demo("admin");
        List<String> bodies = new ArrayList<>();
        bodies.addAll(snapshot(id, store, reader));
        Http.Response responded = community.respond(admin, "demo", id, "We are sorry and will call you back.");
        assertEquals(201, responded.status(), "the admin responds: " + responded);
        bodies.add(responded.raw().body());
        bodies.addAll(snapshot(id, store, reader));
        Http.Response verdict = community.resolve(complainant, "demo", id, true, 6, true);
        assertEquals(200, verdict.status(), "the complainant gives the verdict: " + verdict);
        bodies.addAll(snapshot(id, store, reader));
        bodies.addAll(snapshot(id, store, community.demo("manager")));
        return bodies;
    }

    private List<String> snapshot(long id, String store, Member reader) {
        return List.of(
            community.complaint(null, "demo", id).raw().body(),
            community.complaint(reader, "demo", id).raw().body(),
            http.get("/api/v1/brands/demo/complaints?store=" + store, null).raw().body(),
            http.get("/api/v1/brands/demo/complaints?size=100", reader.token()).raw().body());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
