package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.PersonalDataScan;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Privacy with every plugin holding personal data installed and on, their schemas migrated: a member's export holds
 * each plugin's part, and once the account is closed no table of any bundle holds their e-mail address or pseudonym.
 */
abstract class PrivacyAcrossPluginsScenarios extends WebTestBase {
    private static final String PASSWORD = "long-enough-password";

    PrivacyAcrossPluginsScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void plugins() throws Exception {
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Plugins.localManagers(server);
        Plugins.notifications(server);
        Plugins.webhooks(server);
        Http.Response on = http.put("/api/v1/brands/demo/features", community.demo("admin").token(), "{\"moderation\":true,"
            + "\"reputation\":true,\"badges\":true,\"local-managers\":true,\"notifications\":true,\"webhooks\":true}");
        assertEquals(200, on.status(), on.toString());
    }

    @Test
    void aClosedAccountLeavesNoTraceInAnyBundle() {
        // a brand's receiver of registrations: their deliveries name the member (nothing listens there: none is sent)
        Http.Response hook = http.post("/api/v1/brands/demo/webhooks", community.demo("admin").token(),
            Http.json("url", "http://127.0.0.1:9/crm", "eventTypes", List.of("user.registered")));
        assertEquals(201, hook.status(), hook.toString());
        Member leaving = community.join("demo");
        Member other = community.join("demo");
        long own = community.askId(leaving, "Quel foret pour du béton armé ?", "forets");
        long answerToOwn = community.answerId(other, own);
        long theirs = community.askId(other, "Quelle cheville pour du placo ?", "chevilles");
        // the member's own texts stay (the brand keeps posts): they do not name the member here
        Http.Response answered = community.answer(leaving, "demo", theirs, "Une cheville Molly convient très bien.");
        assertEquals(201, answered.status(), answered.toString());
        long answer = answered.json().get("id").asLong();
        assertEquals(200, community.accept(leaving, "demo", own, answerToOwn).status(), "the other member earns points");
        assertEquals(200, community.accept(other, "demo", theirs, answer).status());
        long complaint = community.complaintId(leaving, "LYON-PARTDIEU", false);
        settle();
        Http.Response message = http.post("/api/v1/brands/demo/complaints/" + complaint + "/messages", leaving.token(),
            Http.json("body", "Rappelez-moi le soir, demandez Zorglub-Quintal."));
        assertEquals(201, message.status(), "a private message to the store: " + message);
        settle();

        Http.Response asked = http.post("/api/v1/brands/demo/me/export", leaving.token(), "");
        assertEquals(202, asked.status(), asked.toString());
        long id = asked.json().get("id").asLong();
        server.core.exports.runDue(10);
        server.core.db.inTransaction(c -> Sql.one(c, "SELECT state FROM privacy_export WHERE id = ? FOR UPDATE",
            rs -> rs.getString(1), id));
        server.core.exports.runDue(10);
        JsonNode archive = http.get("/api/v1/brands/demo/me/exports/" + id + "/archive", leaving.token()).json();
        for (String part : List.of("core", "reputation", "badges", "moderation", "localManagers", "notifications")) {
            assertTrue(archive.has(part), "the archive has the part of " + part + ": " + archive.fieldNames());
        }
        assertTrue(archive.at("/reputation/ledger").size() > 0, "the ledger: " + archive.get("reputation"));
        assertTrue(archive.at("/notifications/notifications").size() > 0, "the notifications: " + archive.get("notifications"));
        assertEquals("Rappelez-moi le soir, demandez Zorglub-Quintal.", archive.at("/localManagers/messages/0/body").asText(),
            "the private messages: " + archive.get("localManagers"));
        long othersPoints = count("SELECT points FROM reputation_user WHERE user_id = ?", other.id());

        Http.Response closed = http.send(http.builder("/api/v1/brands/demo/me", leaving.token())
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(Http.json("currentPassword", PASSWORD))));
        assertEquals(204, closed.status(), closed.toString());
        settle();

        for (String gone : List.of(leaving.email(), leaving.pseudonym(), "Zorglub-Quintal")) {
            PersonalDataScan.Found found = PersonalDataScan.find(ds, gone);
            assertTrue(found.tables() > 80, "the tables of every bundle were read: " + found.tables());
            assertEquals(List.of(), found.places(), "'" + gone + "' is left nowhere");
        }
        assertEquals(othersPoints, count("SELECT points FROM reputation_user WHERE user_id = ?", other.id()),
            "the other member keeps the points the closed account's acceptance gave");
        assertEquals(200, http.get("/api/v1/brands/demo/questions/" + theirs, null).status(), "their answer's thread stays");
    }

    private long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.one(c, sql, rs -> rs.getLong(1), params).orElse(0L));
    }

    /** Every subscriber has applied every committed event. */
    private void settle() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
            server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM domain_event WHERE seq IS NULL") == 0
                && Sql.count(c, "SELECT COUNT(*) FROM event_subscriber s, event_sequencer q WHERE s.position < q.last_seq "
                + "AND s.name NOT LIKE 'search%'") == 0));
    }
}
