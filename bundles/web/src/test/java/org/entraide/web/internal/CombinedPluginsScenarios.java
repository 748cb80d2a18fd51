package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capabilities where they meet: moderation, reputation and badges all on, as Karaf wires them. An accepted answer
 * has exactly one set of effects (points, badges), and applying every event again changes none of them.
 */
abstract class CombinedPluginsScenarios extends WebTestBase {
    CombinedPluginsScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void plugins() throws Exception {
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Http.Response on = http.put("/api/v1/brands/demo/features", community.demo("admin").token(),
            "{\"moderation\":true,\"reputation\":true,\"badges\":true}");
        assertEquals(200, on.status(), on.toString());
    }

    @Test
    void anAcceptedAnswerHasOneSetOfEffectsEvenAfterAReplay() {
        Member asker = community.join("demo");
        Member helper = community.join("demo");
        long question = community.askId(asker, "Quelle colle pour du carrelage mural ?", "colle");
        long answer = community.answerId(helper, question);
        assertEquals(200, community.accept(asker, "demo", question, answer).status());
        settle();
        Map<String, Object> before = effects(helper);
        assertTrue(((List<?>) before.get("badges")).contains("first-accepted-answer"), "the helper earned it: " + before);
        assertEquals(1L, before.get("acceptances"), "one acceptance in the ledger: " + before);

        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET position = 0"));
        settle();
        assertEquals(before, effects(helper), "every event applied again by every plugin changes nothing");
    }

    /** What the plugins made of the helper's activity: points, ledger entries, badges. */
    private Map<String, Object> effects(Member m) {
        long points = http.get("/api/v1/brands/demo/users/" + m.id() + "/reputation", null).json().get("reputation").asLong();
        List<String> badges = new java.util.ArrayList<>();
        http.get("/api/v1/brands/demo/users/" + m.id() + "/badges", null).json().get("items")
            .forEach(b -> badges.add(b.get("badge").asText()));
        badges.sort(null);
        long entries = count("SELECT COUNT(*) FROM reputation_entry WHERE user_id = ?", m.id());
        long acceptances = count("SELECT COUNT(*) FROM reputation_entry WHERE user_id = ? AND reason = 'answer-accepted'", m.id());
        long awards = count("SELECT COUNT(*) FROM badge_award WHERE user_id = ?", m.id());
        return Map.of("points", points, "badges", badges, "entries", entries, "acceptances", acceptances, "awards", awards);
    }

    private long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    /** Every subscriber has applied every committed event. */
    private void settle() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
            server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM domain_event WHERE seq IS NULL") == 0
                && Sql.count(c, "SELECT COUNT(*) FROM event_subscriber s, event_sequencer q WHERE s.position < q.last_seq") == 0));
    }
}
