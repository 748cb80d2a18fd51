package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.event.EventTypes;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Outbox;
import org.junit.jupiter.api.Test;

/** Concurrent requests on one post: counters never drift, a user's vote counts once, one answer stays accepted. */
public abstract class ConcurrencyScenarios extends ApiScenarios {
    static final int THREADS = 12;

    @Test
    void concurrentVotesOfDistinctUsersAllCount() throws Exception {
        Member author = community.join("demo");
        long q = community.askId(author, "Shall we all vote at once?");
        List<Member> voters = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            voters.add(community.join("demo"));
        }
        List<Http.Response> responses = all(voters.stream()
            .map(v -> (Callable<Http.Response>) () -> community.vote(v, "demo", q, voters.indexOf(v) % 3 == 0 ? -1 : 1))
            .toList());
        responses.forEach(r -> assertEquals(200, r.status(), "every vote is taken: " + r));
        int downs = (THREADS + 2) / 3;
        int ups = THREADS - downs;
        // Serialized votes each see the count before them: the up voters were told 1..ups, in some order.
        assertEquals(range(ups), counts(responses, 1, "upVotes"), "each up vote saw the ones before it: " + responses);
        assertEquals(range(downs), counts(responses, -1, "downVotes"), "each down vote saw the ones before it: " + responses);
        JsonNode view = community.question(null, "demo", q).json();
        assertEquals(ups - downs, view.get("score").asInt(), "the score is the sum of the votes: " + view);
        assertEquals(ups, view.get("upVotes").asInt(), "every up vote is counted: " + view);
        assertEquals(downs, view.get("downVotes").asInt(), "every down vote is counted: " + view);
        assertEquals(THREADS, votesOn(q), "one vote row per voter");
    }

    @Test
    void oneUserVotingTwiceAtOnceCountsOnce() throws Exception {
        Member author = community.join("demo");
        Member voter = community.join("demo");
        long q = community.askId(author, "Can one vote twice by being quick?");
        List<Callable<Http.Response>> same = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            same.add(() -> community.vote(voter, "demo", q, 1));
        }
        all(same).forEach(r -> assertEquals(200, r.status(), "a repeated vote is no error: " + r));
        JsonNode view = community.question(null, "demo", q).json();
        assertEquals(1, view.get("score").asInt(), "the vote counts once: " + view);
        assertEquals(1, view.get("upVotes").asInt(), "one up vote: " + view);
        assertEquals(1, votesOn(q), "one vote row");
        assertEquals(1, outbox.aboutPost(q, EventTypes.VOTE_CAST).size(), "one vote.cast event");
    }

    @Test
    void concurrentAcceptsLeaveExactlyOneAcceptedAnswer() throws Exception {
        Member author = community.join("demo");
        long q = community.askId(author, "Which answer will win the race?");
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < THREADS / 2; i++) {
            answers.add(community.answerId(community.join("demo"), q));
        }
        List<Callable<Http.Response>> accepts = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            answers.forEach(a -> accepts.add(() -> community.accept(author, "demo", q, a)));
        }
        List<Http.Response> responses = all(accepts);
        long ok = responses.stream().filter(r -> r.status() == 200).count();
        responses.forEach(r -> assertTrue(r.status() == 200 || r.status() == 409, "200 or 409 only: " + r));
        assertTrue(ok >= 1, "at least one accept wins");
        responses.stream().filter(r -> r.status() == 409)
            .forEach(r -> assertEquals("application/problem+json", r.header("Content-Type"), "a lost race is a problem: " + r));

        JsonNode view = community.question(null, "demo", q).json();
        assertNotNull(view.get("acceptedAnswerId").numberValue(), "an answer is accepted: " + view);
        long accepted = view.get("acceptedAnswerId").asLong();
        assertEquals(1, QuestionFlowScenarios.count(view, "accepted"), "exactly one answer shows accepted: " + view);
        assertEquals(accepted, view.get("answers").get(0).get("id").asLong(), "listed first: " + view);

        // Replaying the outbox gives the same state, and never two accepted answers at once.
        Long current = null;
        for (Outbox.Event e : outbox.aboutPost(q, EventTypes.ANSWER_ACCEPTED, EventTypes.ANSWER_UNACCEPTED)) {
            long answer = e.payload().get("answerId").asLong();
            if (e.type().equals(EventTypes.ANSWER_UNACCEPTED)) {
                assertEquals(current, answer, "only the accepted answer is unaccepted: " + e);
                current = null;
            } else {
                assertEquals(null, current, "an answer is accepted only when none is: " + e);
                current = answer;
            }
        }
        assertEquals(accepted, current, "the outbox ends on the accepted answer");
        long acceptedEvents = outbox.aboutPost(q, EventTypes.ANSWER_ACCEPTED).size();
        assertTrue(acceptedEvents >= 1 && acceptedEvents <= ok, "one answer.accepted at most per winning request, got "
            + acceptedEvents + " for " + ok);
    }

    @Test
    void concurrentAnswersAreAllCounted() throws Exception {
        long q = community.askId(community.join("demo"), "Who answers first?");
        List<Member> helpers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            helpers.add(community.join("demo"));
        }
        all(helpers.stream().map(h -> (Callable<Http.Response>) () -> community.answer(h, "demo", q, "Me, " + h.pseudonym()))
            .toList()).forEach(r -> assertEquals(201, r.status(), "every answer is taken: " + r));
        JsonNode view = community.question(null, "demo", q).json();
        assertEquals(THREADS, view.get("answerCount").asInt(), "answerCount counts them all: " + view);
        assertEquals(THREADS, view.get("answers").size(), "and all are listed: " + view);
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = "race-" + System.nanoTime() + "@demo.example";
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String pseudonym = "Racer-" + i + "-" + (System.nanoTime() % 100_000);
            calls.add(() -> http.post("/api/v1/auth/register", null, Http.json("brand", "demo", "email", email,
                "password", "long-enough-password", "pseudonym", pseudonym)));
        }
        List<Http.Response> responses = all(calls);
        // every one answers alike: which request created the account is not for the callers to know
        responses.forEach(r -> assertEquals(202, r.status(), "202 for each: " + r));
        assertEquals(1, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE email = ?", email)),
            "one row");
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            r.add(i);
        }
        return r;
    }

    /** The counter the votes of one value reported, sorted. */
    private static List<Integer> counts(List<Http.Response> responses, int value, String counter) {
        return responses.stream().filter(r -> r.json().get("myVote").asInt() == value)
            .map(r -> r.json().get(counter).asInt()).sorted().toList();
    }

    private long votesOn(long postId) {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM vote WHERE post_id = ?", postId));
    }

    /** Runs the calls on as many threads, released together, and returns their results in order. */
    static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS), "every thread is ready");
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
