package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.PublicationState;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.Http;
import org.entraide.reputation.internal.events.ComplaintPrivacy;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.entraide.reputation.internal.rules.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing public ties a complaint to its author: moderation's decisions on a complaint are worth no points, leave
 * nothing in the public history, the total, a leaderboard or a reputation.changed event, and only the complainant
 * reads them, in their private history. Ledgers written before that are repaired at start-up.
 */
abstract class ReputationPrivacyScenarios {
    Testbed bed;
    Testbed.Member alice;
    Testbed.Member bob;
    Testbed.Member carol;
    long moderator;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource()).install(Testbed.settings()).enable();
        bed.letEveryoneVote();
        alice = bed.register("Alice");
        bob = bed.register("Bob");
        carol = bed.register("Carol");
        moderator = bed.member("moderator@demo.example").id();
        long q = bed.ask(alice, "Comment remplacer un joint de douche ?");
        bed.vote(carol, bed.answer(bob, q), 1);
        bed.settle();
        assertEquals(11, bed.reputation(bob), "bob's answer voted up: a penalty would show above the floor");
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    private JsonNode publicHistory(Testbed.Member m) {
        return bed.http.get(Testbed.DEMO + "/users/" + m.id() + "/reputation?size=100", null).json().get("history");
    }

    private Http.Response privateHistory(Testbed.Member m, String token) {
        return bed.http.get(Testbed.DEMO + "/users/" + m.id() + "/reputation/private", token);
    }

    private void moderate(long post, PublicationState to, String reason) {
        bed.server.core.publications.change(bed.demo.id(), post, to, moderator, reason);
        bed.settle();
    }

    private List<String> reasons(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("reason").asText() + "@" + i.get("postId").asLong()));
        return out;
    }

    private void assertNothingPublicAbout(Testbed.Member m, long complaint, Instant since, String why) {
        JsonNode history = publicHistory(m);
        history.get("items").forEach(i -> {
            assertFalse(i.get("postId").asLong() == complaint, why + ": no entry names the complaint: " + i);
            assertTrue(Instant.parse(i.get("at").asText()).isBefore(since), why + ": no entry from the decision's time: " + i);
        });
        assertEquals(1, history.get("total").asInt(), why + ": bob's one upvote only: " + history);
        assertEquals(11, bed.reputation(m), why + ": the total does not move");
        JsonNode week = bed.http.get(Testbed.DEMO + "/leaderboard?period=week&user=" + m.id(), null).json().get("member");
        assertEquals(10, week.get("points").asInt(), why + ": nor the week's board");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'reputation.changed' "
            + "AND occurred_at >= ?", since), why + ": and no reputation.changed tells anyone");
        String profile = bed.http.get(Testbed.DEMO + "/users/" + m.id(), null).raw().body();
        assertFalse(profile.contains("Le magasin de Lyon m'ignore"), why + ": nor the profile: " + profile);
    }

    @Test
    void aRejectedComplaintShowsOnlyInItsAuthorsPrivateHistory() {
        long complaint = bed.complain(bob, "Le magasin de Lyon m'ignore");
        Instant decided = Instant.now();
        moderate(complaint, PublicationState.REJECTED, "abusive");
        assertNothingPublicAbout(bob, complaint, decided, "rejected");

        Http.Response mine = privateHistory(bob, bob.token());
        assertEquals(200, mine.status(), mine.toString());
        assertEquals(List.of("complaint-rejected@" + complaint), reasons(mine.json()), "the complainant sees it: " + mine);
        assertEquals(401, privateHistory(bob, null).status(), "not without signing in");
        for (String other : List.of(carol.token(), bed.admin, bed.member("moderator@demo.example").token(),
            bed.member("manager@demo.example").token())) {
            Http.Response r = privateHistory(bob, other);
            assertEquals(403, r.status(), "another member, whatever their role, reads nothing: " + r);
            // the request id is random hex: left out, it could hold the complaint's digits by chance
            assertFalse(r.raw().body().replaceAll("\"requestId\":\"[^\"]*\"", "").contains(String.valueOf(complaint)),
                r.toString());
        }

        moderate(complaint, PublicationState.PUBLISHED, "appeal granted");
        assertNothingPublicAbout(bob, complaint, decided, "restored on appeal");
        assertEquals(List.of("complaint-restored@" + complaint, "complaint-rejected@" + complaint),
            reasons(privateHistory(bob, bob.token()).json()), "both decisions, newest first");

        bed.server.core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET position = 0 WHERE name = ?",
            ReputationSubscriber.NAME));
        bed.settle();
        assertEquals(2, privateHistory(bob, bob.token()).json().get("total").asInt(), "a replay writes nothing twice");
        moderate(complaint, PublicationState.REJECTED, "abusive after all");
        bed.reputation.recomputation.run(bed.demo.id(), false);
        assertEquals(11, bed.reputation(bob), "a recomputation scores no complaint");
        assertFalse(publicHistory(bob).toString().contains("post-rejected"), publicHistory(bob).toString());
    }

    @Test
    void aLedgerWrittenBeforeComplaintsWerePrivateIsRepaired() throws IOException {
        long complaint = bed.complain(bob, "Le magasin de Lyon m'ignore");
        long brand = bed.demo.id();
        Reputation r = bed.reputation;
        // what the plugin wrote before: the complaint's rejection cost 5 in the public ledger and the week's board
        bed.server.core.db.inTransaction(c -> {
            r.keeper.lockBrand(c, brand);
            r.keeper.open(c, brand, null, Instant.now(), r.rules.points(c, brand)).credit(bob.id(), Rule.POST_REJECTED,
                complaint, bob.id());
            return null;
        });
        assertEquals(6, bed.reputation(bob));
        runDataStatementsOfV7();
        ComplaintPrivacy.repair(r.platform.tx(), r.keeper, r.rules, r.clock);

        assertEquals(11, bed.reputation(bob), "the points are given back");
        assertFalse(publicHistory(bob).toString().contains("\"postId\":" + complaint), publicHistory(bob).toString());
        assertEquals(10, bed.http.get(Testbed.DEMO + "/leaderboard?period=week&user=" + bob.id(), null).json()
            .get("member").get("points").asInt(), "the week's board too");
        assertEquals(List.of("complaint-rejected@" + complaint), reasons(privateHistory(bob, bob.token()).json()),
            "the entry lives on in the private history");
        ComplaintPrivacy.repair(r.platform.tx(), r.keeper, r.rules, r.clock);
        assertEquals(11, bed.reputation(bob), "a second start changes nothing");
    }

    /** The V7 migration's INSERT and DELETE, run again on the data written above (the tables exist already). */
    private void runDataStatementsOfV7() throws IOException {
        String script;
        try (InputStream in = Reputation.class.getClassLoader()
            .getResourceAsStream("db/reputation/V7__private_complaint_entries.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder();
        script.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> sql.append(l).append('\n'));
        for (String statement : sql.toString().split(";")) {
            String s = statement.strip();
            if (s.startsWith("INSERT") || s.startsWith("DELETE")) {
                bed.server.core.db.inTransaction(c -> Sql.update(c, s));
            }
        }
    }
}
