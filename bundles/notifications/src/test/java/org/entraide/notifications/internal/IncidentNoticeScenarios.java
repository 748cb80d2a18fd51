package org.entraide.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.MutableClock;
import org.entraide.core.internal.support.TestServer;
import org.entraide.incidents.internal.Incidents;
import org.entraide.incidents.internal.IncidentsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications of incidents, with the incidents plugin installed beside: each author and follower of an attached
 * item hears of the statement and of each update once, whatever they follow; the one who published hears nothing.
 */
abstract class IncidentNoticeScenarios {
    static final String DEMO = "/api/v1/brands/demo";

    TestServer server;
    NotificationsPlugin plugin;
    Http http;
    Community community;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        var p = server.core.platform;
        plugin = new NotificationsPlugin(server.core.db, server.core.migrator, server.core.endpoints, server.core.capabilities,
            new Platform(p, p, p, p, server.core.eventReader, server.core.contributions), new FakeMail(),
            new NotificationSettings("https://entraide.example/", null, Duration.ofMinutes(10), "fr", Duration.ofHours(1)),
            new MutableClock(Instant.parse("2026-03-02T09:00:00Z")));
        server.core.capabilities.install(new NotificationCapability());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        var core = server.core;
        Incidents incidents = new Incidents(new Incidents.Core(core.db, core.events, core.eventReader, core.migrator,
            core.endpoints, core.platform, core.platform, core.complaintMoves, core.renderer), IncidentsSettings.defaults(),
            Clock.systemUTC());
        server.install(incidents.services());
        plugin.bindIncidents(incidents.itemsReader);
        http = new Http(server.base());
        community = new Community(http);
        Member admin = community.demo("admin");
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"notifications\":true,\"incidents\":true}").status());
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    private List<JsonNode> items(Member m, String kind) {
        Http.Response r = http.get(DEMO + "/me/notifications?size=100", m.token());
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(i -> {
            if (kind.equals(i.get("kind").asText())) {
                out.add(i);
            }
        });
        return out;
    }

    @Test
    void everyAuthorAndFollowerOfAnAttachedItemHearsOfTheStatementAndEachUpdateOnce() {
        Member admin = community.demo("admin");
        Http.Response declared = http.post(DEMO + "/incidents", admin.token(),
            "{\"title\":\"Panne des terminaux\",\"theme\":[\"panne paiement\"]}");
        assertEquals(201, declared.status(), declared.toString());
        long incident = declared.json().get("id").asLong();

        Member asker = community.join("demo");
        Member follower = community.join("demo");
        long question = community.askId(asker, "Panne de paiement en caisse ?");
        community.answerId(follower, question);     // an answerer follows the question
        List<Member> complainants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Member m = community.join("demo");
            assertEquals(201, community.complain(m, "demo", "Panne de paiement numéro " + i,
                "La carte est refusée à chaque essai depuis ce matin.", "LYON-PARTDIEU", false).status());
            complainants.add(m);
        }
        Awaitility.await("the items attach themselves").atMost(Duration.ofSeconds(20)).until(() ->
            http.get(DEMO + "/incidents/" + incident + "/items", admin.token()).json().get("total").asLong() == 4);

        assertEquals(201, http.post(DEMO + "/incidents/" + incident + "/statements", admin.token(),
            "{\"body\":\"Nos terminaux sont en panne.\"}").status());
        assertEquals(201, http.post(DEMO + "/incidents/" + incident + "/statements", admin.token(),
            "{\"body\":\"Retour prévu à 14 h.\"}").status());

        List<Member> concerned = new ArrayList<>(complainants);
        concerned.add(asker);
        concerned.add(follower);
        for (Member m : concerned) {
            Awaitility.await(m.pseudonym() + " hears of the update").atMost(Duration.ofSeconds(20))
                .until(() -> items(m, "incident.update").size() >= 1);
            List<JsonNode> statement = items(m, "incident.statement");
            assertEquals(1, statement.size(), "one statement notification for " + m.pseudonym() + ": " + statement);
            assertTrue(statement.get(0).toString().contains("Panne des terminaux"), statement.toString());
            assertEquals(1, items(m, "incident.update").size(), "one update notification for " + m.pseudonym());
        }
        assertEquals(0, items(admin, "incident.statement").size(), "the one who published hears nothing");
    }
}
