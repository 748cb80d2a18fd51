package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.entraide.reputation.internal.board.Period;
import org.entraide.reputation.internal.rules.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leaderboards over the demo's history and a few more votes: all time, this month, this week, per topic and
 * per tag, a member's rank and neighbours.
 */
abstract class ReputationLeaderboardScenarios {
    static final String BOARD = Testbed.DEMO + "/leaderboard";

    Testbed bed;
    Testbed.Member alice;
    Testbed.Member bob;
    Testbed.Member carol;
    long bobsAnswer;

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
        long lawn = bed.ask(alice, "Quand tondre la pelouse au printemps ?", "jardin", List.of("gazon"));
        bobsAnswer = bed.answer(bob, lawn);
        long shelf = bed.ask(bob, "Quelles chevilles pour une étagère ?", "bricolage", List.of("chevilles"));
        long carolsAnswer = bed.answer(carol, shelf);
        for (int i = 0; i < 4; i++) {
            Testbed.Member voter = bed.register("Voter");
            bed.vote(voter, bobsAnswer, 1);
            if (i < 2) {
                bed.vote(voter, carolsAnswer, 1);
            }
        }
        bed.vote(carol, lawn, 1);
        bed.vote(carol, bed.ask(alice, "Une question sans sujet ni étiquette"), 1);
        bed.settle();
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    static List<String> names(JsonNode standings) {
        List<String> out = new ArrayList<>();
        standings.forEach(s -> out.add(s.get("rank").asInt() + "." + s.get("pseudonym").asText().replaceAll("\\d+$", "")
            + "=" + s.get("points").asInt()));
        return out;
    }

    @Test
    void allTimeIsTheReputationAndPeriodsCountWhatWasEarnedInThem() {
        Http.Response all = bed.http.get(BOARD + "?size=4", null);
        assertEquals(200, all.status(), all.toString());
        assertEquals(List.of("1.Bob=41", "2.Lucas=31", "3.Carol=21", "4.Alice=11"), names(all.json().get("items")));
        assertEquals("all", all.json().get("period").asText());
        Http.Response week = bed.http.get(BOARD + "?period=week&size=10", null);
        assertEquals(List.of("1.Bob=40", "2.Lucas=30", "3.Carol=20", "4.Alice=10", "5.Camille=2"), names(week.json().get("items")),
            "a period counts points earned in it, and only members who earned some");
        assertEquals(5, week.json().get("total").asInt());
        Http.Response month = bed.http.get(BOARD + "?period=month&page=2&size=2", null);
        assertEquals(List.of("3.Carol=20", "4.Alice=10"), names(month.json().get("items")));
        assertEquals(1, LocalDate.parse(month.json().get("from").asText()).getDayOfMonth());
    }

    @Test
    void topicsAndTagsHaveTheirOwnBoards() {
        assertEquals(List.of("1.Bob=40", "2.Lucas=5", "2.Alice=5"), names(bed.http.get(BOARD + "?topic=jardin", null)
            .json().get("items")), "the demo's lawn question is in jardin too; a tie shares the rank, the older account first");
        assertEquals(List.of("1.Bob=40"), names(bed.http.get(BOARD + "?period=week&tag=gazon&size=1", null).json().get("items")));
        assertEquals(List.of("1.Lucas=25", "2.Carol=20", "3.Camille=2"),
            names(bed.http.get(BOARD + "?topic=bricolage", null).json().get("items")), "an answer counts in its question's topic");
        assertEquals(List.of(), names(bed.http.get(BOARD + "?topic=livraison", null).json().get("items")));
    }

    @Test
    void aMembersRankComesWithTheirNeighbours() {
        Http.Response mine = bed.http.get(BOARD + "?around=2&size=1", carol.token());
        JsonNode me = mine.json().get("member");
        assertEquals(3, me.get("rank").asInt(), mine.toString());
        assertEquals(21, me.get("points").asInt());
        assertEquals(List.of("1.Bob=41", "2.Lucas=31"), names(me.get("above")));
        assertEquals(List.of("4.Alice=11", "5.Camille=3"), names(me.get("below")));
        JsonNode alices = bed.http.get(BOARD + "?period=week&user=" + alice.id() + "&around=1", null).json().get("member");
        assertEquals(4, alices.get("rank").asInt());
        assertEquals(List.of("3.Carol=20"), names(alices.get("above")));
        assertEquals(List.of("5.Camille=2"), names(alices.get("below")));
        long adminId = bed.member("admin@demo.example").id();
        assertEquals(true, bed.http.get(BOARD + "?period=week&user=" + adminId, null)
            .json().get("member").isNull(), "no points this week: not on the board");
        JsonNode admin = bed.http.get(BOARD + "?user=" + adminId + "&around=1", null).json().get("member");
        assertEquals(6, admin.get("rank").asInt(), "five members have more than 1: " + admin);
        assertEquals(List.of("5.Camille=3"), names(admin.get("above")));
        assertEquals(List.of("6.Modo-Demo=1"), names(admin.get("below")), "a tie shares the rank");
    }

    @Test
    void aPageThatStartsInsideATieHasTheTiesRank() {
        Http.Response page2 = bed.http.get(BOARD + "?page=2&size=4", null);
        assertEquals(List.of("5.Camille=3", "6.Equipe-Demo=1", "6.Modo-Demo=1", "6.Gerant-Lyon=1"), names(page2.json().get("items")));
        assertEquals(12, page2.json().get("total").asInt(), "five demo accounts, alice, bob, carol and four voters");
        List<String> page3 = names(bed.http.get(BOARD + "?page=3&size=4", null).json().get("items"));
        assertEquals(4, page3.size());
        page3.forEach(r -> assertEquals("6.", r.substring(0, 2), page3.toString()));
    }

    @Test
    void reversalsLowerThePeriodOfWhatTheyTakeBackAndRecomputationRebuildsTheSameBoards() {
        bed.vote(carol, bed.ask(bob, "Une dernière question sur les joints", "bricolage", List.of()), 1);
        bed.settle();
        String before = bed.http.get(BOARD + "?period=week&topic=bricolage&size=100", null).json().get("items").toString();
        assertEquals(200, bed.http.post(Testbed.DEMO + "/reputation/recomputations", bed.admin, "{\"dryRun\":false}").status());
        assertEquals(before, bed.http.get(BOARD + "?period=week&topic=bricolage&size=100", null).json().get("items").toString());
        bed.vote(carol, bobsAnswer, 1);
        bed.vote(carol, bobsAnswer, 0);
        bed.settle();
        assertEquals(List.of("1.Bob=40", "2.Alice=5"), names(bed.http.get(BOARD + "?period=week&tag=gazon", null).json().get("items")),
            "the upvote cast and retracted this week left nothing");
        String tally = "SELECT period, scope, points, members FROM reputation_board_tally WHERE members > 0 "
            + "ORDER BY period, scope, points";
        String counted = "SELECT period, scope, points, COUNT(*) FROM (SELECT period, scope, points FROM reputation_board "
            + "UNION ALL SELECT 'all', '', points FROM reputation_user) x GROUP BY period, scope, points ORDER BY period, scope, points";
        assertEquals(rows(counted), rows(tally), "the tallies count exactly the members on each board at each score");
    }

    List<String> rows(String sql) {
        return bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.list(c, sql,
            rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getLong(4)));
    }

    @Test
    void badQueriesAreRefused() {
        assertEquals(400, bed.http.get(BOARD + "?period=year", null).status());
        assertEquals(404, bed.http.get(BOARD + "?topic=nulle-part", null).status(), "an unknown topic has no board");
        assertEquals(400, bed.http.get(BOARD + "?topic=jardin&tag=gazon", null).status());
        assertEquals(400, bed.http.get(BOARD + "?size=500", null).status());
        assertEquals(400, bed.http.get(BOARD + "?user=abc", null).status());
        bed.http.put(Testbed.DEMO + "/features", bed.admin, "{\"reputation\":false}");
        assertEquals(404, bed.http.get(BOARD, null).status());
    }

    @Test
    void aReversalCountsInThePeriodOfTheEntryItTakesBack() {
        Instant lastWeek = Instant.now().minus(Duration.ofDays(8));
        String lastWeekKey = Period.WEEK.key(lastWeek);
        String thisWeekKey = Period.WEEK.key(Instant.now());
        Reputation r = bed.reputation;
        long brandId = bed.demo.id();
        bed.server.core.db.inTransaction(c -> {
            r.keeper.lockBrand(c, brandId);
            var table = r.rules.points(c, brandId);
            var given = r.keeper.open(c, brandId, null, lastWeek, table)
                .credit(alice.id(), Rule.QUESTION_UPVOTED, null, carol.id());
            r.keeper.open(c, brandId, null, Instant.now(), table).reverse(given, "vote-retracted");
            return null;
        });
        String sql = "SELECT COALESCE(SUM(points), 0) FROM reputation_board WHERE user_id = ? AND period = ? AND scope = ''";
        assertEquals(0, bed.count(sql, alice.id(), lastWeekKey), "given and taken back in last week's board");
        assertEquals(10, bed.count(sql, alice.id(), thisWeekKey), "this week's board is untouched by the reversal");
    }
}
