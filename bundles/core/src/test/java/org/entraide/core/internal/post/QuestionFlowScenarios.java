package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** Register, log in, ask, answer, and read it back: the question side of the community over HTTP. */
public abstract class QuestionFlowScenarios extends ApiScenarios {

    @Test
    void registerLoginAskAnswerAndReadBack() {
        Http.Response reg = http.post("/api/v1/auth/register", null, Http.json("brand", "demo",
            "email", "Flow.Tester@Demo.example", "password", "a-long-password", "pseudonym", "FlowTester"));
        assertEquals(202, reg.status(), "registration answers 202 (the rest goes by e-mail): " + reg);
        assertNull(reg.header("Location"), "and names no account, which would tell an existing one from a new one");

        Http.Response login = http.post("/api/v1/auth/login", null,
            Http.json("brand", "demo", "email", "flow.tester@demo.example", "password", "a-long-password"));
        assertEquals(200, login.status(), "login with the e-mail in another case answers 200: " + login);
        String token = login.json().get("token").asText();
        assertEquals(43, token.length(), "the token is 256 bits in URL-safe base64: " + token);
        Instant expiresAt = Instant.parse(login.json().get("expiresAt").asText());
        assertTrue(Duration.between(Instant.now(), expiresAt).toHours() >= 23, "the token lasts the configured 24 h: " + expiresAt);

        Http.Response asked = http.post("/api/v1/brands/demo/questions", token, Http.json("title", "  Which ladder for a loft?  ",
            "body", "My loft hatch is **2.8 m** high.", "topic", "bricolage", "tags", List.of("ladder", "loft", "ladder")));
        assertEquals(201, asked.status(), "asking answers 201: " + asked);
        long id = asked.json().get("id").asLong();
        assertEquals("/api/v1/brands/demo/questions/" + id, asked.header("Location"), "Location points at the new question");
        assertEquals("Which ladder for a loft?", asked.json().get("title").asText(), "the title is trimmed");
        assertEquals("[\"ladder\",\"loft\"]", asked.json().get("tags").toString(), "tags are stored once each");
        assertEquals("bricolage", asked.json().get("topic").get("slug").asText(), "the topic is kept");
        assertTrue(asked.json().get("bodyHtml").asText().contains("<strong>2.8 m</strong>"), "Markdown is rendered: " + asked);

        Member manager = community.demo("manager");
        Member lucas = community.demo("lucas");
        Http.Response staff = community.answer(manager, "demo", id, "We rent ladders in Lyon.");
        assertEquals(201, staff.status(), "a store manager answers: " + staff);
        assertTrue(staff.header("Location").startsWith("/api/v1/brands/demo/questions/" + id), "the answer's Location is in its question");
        Http.Response peer = community.answer(lucas, "demo", id, "A telescopic one.");
        assertEquals(201, peer.status(), "a customer answers: " + peer);

        JsonNode q = http.get("/api/v1/brands/demo/questions/" + id, null).json();
        assertEquals(2, q.get("answerCount").asInt(), "both answers are counted: " + q);
        assertEquals(2, q.get("answers").size(), "both answers are listed: " + q);
        assertTrue(answer(q, staff.json().get("id").asLong()).get("official").asBoolean(), "staff answers are official: " + q);
        assertFalse(answer(q, peer.json().get("id").asLong()).get("official").asBoolean(), "customer answers are not: " + q);
        assertEquals("FlowTester", q.get("author").get("pseudonym").asText(), "the author appears by pseudonym");
        assertFalse(q.toString().contains("@demo.example"), "no e-mail in a public question: " + q);
    }

    @Test
    void staffPostsAreOfficialInEveryView() {
        String tag = Community.unique("staff");
        long staffQuestion = community.askId(community.demo("moderator"), "A question asked by staff", tag);
        long customerQuestion = community.askId(community.join("demo"), "A question asked by a customer", tag);
        long staffAnswer = community.answerId(community.demo("admin"), customerQuestion);
        JsonNode list = http.get("/api/v1/brands/demo/questions?tag=" + tag, null).json();
        for (JsonNode item : list.get("items")) {
            assertEquals(item.get("id").asLong() == staffQuestion, item.get("official").asBoolean(),
                "only the staff question is official in the list: " + item);
        }
        assertTrue(community.question(null, "demo", staffQuestion).json().get("official").asBoolean(), "and in its view");
        assertFalse(community.question(null, "demo", customerQuestion).json().get("official").asBoolean(), "a customer's is not");
        assertTrue(answer(community.question(community.join("demo"), "demo", customerQuestion).json(), staffAnswer)
            .get("official").asBoolean(), "a brand admin's answer is official whoever reads it");
    }

    @Test
    void votesAreUpDownChangeableAndRetractable() {
        Member author = community.join("demo");
        Member voter = community.join("demo");
        Member other = community.join("demo");
        long q = community.askId(author, "How to vote on posts?");

        assertVote(community.vote(voter, "demo", q, 1), 1, 1, 0, 1);
        assertVote(community.vote(voter, "demo", q, 1), 1, 1, 0, 1);
        assertVote(community.vote(other, "demo", q, 1), 2, 2, 0, 1);
        assertVote(community.vote(voter, "demo", q, -1), 0, 1, 1, -1);
        assertVote(community.vote(voter, "demo", q, 0), 1, 1, 0, 0);

        JsonNode seen = community.question(other, "demo", q).json();
        assertEquals(1, seen.get("score").asInt(), "the question shows the stored score: " + seen);
        assertEquals(1, seen.get("myVote").asInt(), "the reader sees their own vote: " + seen);
        assertEquals(0, community.question(voter, "demo", q).json().get("myVote").asInt(), "a retracted vote reads 0");
    }

    @Test
    void nobodyVotesOnTheirOwnPost() {
        Member author = community.join("demo");
        long q = community.askId(author, "Can I upvote myself?");
        Http.Response r = community.vote(author, "demo", q, 1);
        assertEquals(403, r.status(), "voting on one's own question is forbidden: " + r);
        assertEquals("application/problem+json", r.header("Content-Type"), "refusals are problems");
        assertEquals(0, community.question(null, "demo", q).json().get("score").asInt(), "the score did not move");
    }

    @Test
    void complaintsAndResponsesTakeNoVotes() {
        Member customer = community.join("demo");
        Member voter = community.join("demo");
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        Http.Response r = community.vote(voter, "demo", complaint, 1);
        assertEquals(400, r.status(), "a vote on a complaint is a bad request: " + r);
        Http.Response responded = community.respond(community.demo("manager"), "demo", complaint, "Sorry about that.");
        r = community.vote(voter, "demo", responded.json().get("id").asLong(), -1);
        assertEquals(400, r.status(), "a vote on an official response is a bad request: " + r);
    }

    @Test
    void voteValuesOtherThanOneMinusOneOrZeroAreRefused() {
        Member author = community.join("demo");
        long q = community.askId(author, "What values can a vote take?");
        Member voter = community.join("demo");
        for (String body : List.of("{\"value\":2}", "{\"value\":-2}", "{}")) {
            Http.Response r = http.post("/api/v1/brands/demo/posts/" + q + "/votes", voter.token(), body);
            assertEquals(400, r.status(), body + " is refused: " + r);
            assertEquals("value", r.json().get("errors").get(0).get("field").asText(), "the error names the field: " + r);
        }
    }

    @Test
    void onlyTheAuthorAcceptsAnAnswerAndMayChangeIt() {
        Member author = community.join("demo");
        Member first = community.join("demo");
        Member second = community.join("demo");
        long q = community.askId(author, "Which paint for a bathroom?");
        long a1 = community.answerId(first, q);
        long a2 = community.answerId(second, q);
        community.vote(author, "demo", a2, 1);

        Http.Response r = community.accept(first, "demo", q, a1);
        assertEquals(403, r.status(), "only the question's author accepts: " + r);

        r = community.accept(author, "demo", q, a1);
        assertEquals(200, r.status(), "the author accepts: " + r);
        assertEquals(a1, r.json().get("acceptedAnswerId").asLong(), "the accepted answer is recorded: " + r);
        JsonNode view = community.question(null, "demo", q).json();
        assertEquals(a1, view.get("answers").get(0).get("id").asLong(), "the accepted answer comes first, before a better score: " + view);
        assertTrue(view.get("answers").get(0).get("accepted").asBoolean(), "and is marked accepted: " + view);
        assertFalse(view.get("answers").get(1).get("accepted").asBoolean(), "the other is not: " + view);

        r = community.accept(author, "demo", q, a2);
        assertEquals(200, r.status(), "the author changes the accepted answer: " + r);
        view = community.question(null, "demo", q).json();
        assertEquals(a2, view.get("acceptedAnswerId").asLong(), "the new accepted answer is recorded: " + view);
        assertEquals(a2, view.get("answers").get(0).get("id").asLong(), "and listed first: " + view);
        assertEquals(1, count(view, "accepted"), "exactly one answer is accepted: " + view);

        long elsewhere = community.answerId(first, community.askId(second, "Another question entirely"));
        r = community.accept(author, "demo", q, elsewhere);
        assertEquals(400, r.status(), "an answer to another question cannot be accepted: " + r);

        r = community.accept(author, "demo", q, null);
        assertEquals(200, r.status(), "the author withdraws the acceptance: " + r);
        assertTrue(r.json().get("acceptedAnswerId").isNull(), "no answer is accepted any more: " + r);
    }

    @Test
    void missingQuestionsAndAnswersToComplaintsAre404() {
        Member m = community.join("demo");
        assertEquals(404, http.get("/api/v1/brands/demo/questions/987654321", null).status(), "an unknown id is 404");
        assertEquals(404, http.get("/api/v1/brands/demo/questions/abc", null).status(), "a non-numeric id is 404");
        assertEquals(404, http.get("/api/v1/brands/demo/questions/99999999999999999999", null).status(), "an id too big is 404");
        assertEquals(404, http.get("/api/v1/brands/no-such-brand/questions", null).status(), "an unknown brand is 404");
        long complaint = community.complaintId(m, "LYON-PARTDIEU", false);
        Http.Response r = community.answer(m, "demo", complaint, "Answering a complaint as if it were a question");
        assertEquals(404, r.status(), "a complaint is no question to answer: " + r);
        assertEquals(404, community.question(null, "demo", complaint).status(), "nor to read as one");
    }

    static JsonNode answer(JsonNode question, long answerId) {
        for (JsonNode a : question.get("answers")) {
            if (a.get("id").asLong() == answerId) {
                return a;
            }
        }
        throw new AssertionError("answer " + answerId + " is listed in " + question);
    }

    static int count(JsonNode question, String flag) {
        int n = 0;
        for (JsonNode a : question.get("answers")) {
            n += a.get(flag).asBoolean() ? 1 : 0;
        }
        return n;
    }

    private static void assertVote(Http.Response r, int score, int up, int down, int mine) {
        assertEquals(200, r.status(), "the vote is taken: " + r);
        assertEquals(score, r.json().get("score").asInt(), "score after the vote: " + r);
        assertEquals(up, r.json().get("upVotes").asInt(), "up votes after the vote: " + r);
        assertEquals(down, r.json().get("downVotes").asInt(), "down votes after the vote: " + r);
        assertEquals(mine, r.json().get("myVote").asInt(), "the voter's vote: " + r);
    }
}
