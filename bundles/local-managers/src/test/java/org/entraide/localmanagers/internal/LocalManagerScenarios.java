package org.entraide.localmanagers.internal;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.MutableClock;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local managers through the real core and HTTP: routing, inbox, deadlines, escalation, hand-over, ranking. */
abstract class LocalManagerScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    // Monday 23 November 2026, 10:00 in Paris: the demo stores have the standard hours (Mon-Sat 09:00-19:00)
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");

    TestServer server;
    Http http;
    MutableClock clock;
    LocalManagers plugin;
    String admin;
    String manager;
    String customer;
    long managerId;
    long backupId;
    String backup;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(20))
            .withRateLimits(Map.of("login", 1000, "register", 1000, "post", 1000, "admin-login", 1000)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        clock = new MutableClock(MONDAY_10);
        plugin = LocalManagers.start(new LocalManagers.CoreServices(server.core.db, server.core.events, server.core.migrator,
            server.core.endpoints, new org.entraide.localmanagers.internal.Platform(server.core.platform, server.core.platform,
                server.core.platform, server.core.platform, server.core.complaintMoves, server.core.eventReader), server.core.mail, server.core.capabilities),
            Routing.Settings.defaults(), Rankings.Formula.defaults(), 3_600_000, clock);
        server.install(plugin.services());
        admin = login("admin@demo.example");
        manager = login("manager@demo.example");
        customer = login("customer@demo.example");
        managerId = http.get(DEMO + "/me", manager).json().get("id").asLong();
        var brand = server.core.brands.find("demo").orElseThrow();
        backupId = server.core.accounts.register("demo", "backup@demo.example", DemoSeeder.PASSWORD, "Adjoint-Lyon");
        server.core.administration.setRoles(server.core.accounts.authenticate("Bearer " + admin).orElseThrow(), brand, backupId,
            Set.of(Role.STORE_MANAGER), List.of("LYON-PARTDIEU"));
        backup = login("backup@demo.example");
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"local-managers\":true}").status());
        Http.Response settings = http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ","
            + "\"managers\":[" + managerId + "," + backupId + "]}");
        assertEquals(200, settings.status(), settings.toString());
    }

    private static final String STANDARD_HOURS = "\"timeZone\":\"Europe/Paris\","
        + "\"hours\":{\"MONDAY\":[\"09:00-19:00\"],\"TUESDAY\":[\"09:00-19:00\"],\"WEDNESDAY\":[\"09:00-19:00\"],"
        + "\"THURSDAY\":[\"09:00-19:00\"],\"FRIDAY\":[\"09:00-19:00\"],\"SATURDAY\":[\"09:00-19:00\"]}";

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    private String login(String email) {
        return server.core.accounts.login("demo", email, DemoSeeder.PASSWORD).token();
    }

    private Http.Response post(String path, String token, String json) {
        return http.send(http.builder(path, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private long complain(String store, String title) {
        Http.Response r = post(DEMO + "/complaints", customer, Http.json("title", title, "body", "Rayon vide mardi soir.",
            "storeCode", store));
        assertEquals(201, r.status(), r.toString());
        long id = r.json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ?", id) == 1);
        return id;
    }

    long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    @Test
    void aBrandSetsItsOwnDeadlines() {
        String deadlines = DEMO + "/managers/deadlines";
        JsonNode defaults = http.get(deadlines, null).json();
        assertEquals(24, defaults.get("firstResponseHours").asInt());
        assertFalse(defaults.get("own").asBoolean());
        assertEquals(403, http.put(deadlines, customer, "{\"firstResponseHours\": 2}").status());
        assertEquals(400, http.put(deadlines, admin, "{\"firstResponseHours\": 0}").status());
        assertEquals(400, http.put(deadlines, admin, "{\"firstResponseHours\": 2.5}").status());
        JsonNode own = http.put(deadlines, admin, "{\"firstResponseHours\": 2, \"regionHours\": 8}").json();
        assertEquals(2, own.get("firstResponseHours").asInt());
        assertEquals(8, own.get("regionHours").asInt());
        assertTrue(own.get("own").asBoolean());

        long id = complain("LYON-PARTDIEU", "Caisse fermée");
        JsonNode inbox = http.get(DEMO + "/managers/me/complaints", manager).json().get("items");
        assertEquals(id, inbox.get(0).get("complaintId").asLong());
        assertEquals(2 * 60, inbox.get(0).get("openingMinutesLeft").asLong(), "the brand's 2 opening hours");
        assertEquals("2026-11-23T11:00:00Z", inbox.get(0).get("dueAt").asText(), "Monday 10:00 + 2 h (Paris)");

        JsonNode back = http.put(deadlines, admin, "{\"firstResponseHours\": null, \"regionHours\": null}").json();
        assertEquals(24, back.get("firstResponseHours").asInt());
        assertFalse(back.get("own").asBoolean());
    }

    @Test
    void aComplaintGoesToTheStoresManagerWhoSeesItAndAnswersIt() {
        long id = complain("LYON-PARTDIEU", "Rayon vide mardi soir");
        JsonNode inbox = http.get(DEMO + "/managers/me/complaints", manager).json().get("items");
        assertEquals(id, inbox.get(0).get("complaintId").asLong());
        assertEquals(24 * 60, inbox.get(0).get("openingMinutesLeft").asLong(), "24 opening hours");
        assertEquals("2026-11-25T13:00:00Z", inbox.get(0).get("dueAt").asText(), "Mon 10-19, Tue 9-19, Wed 9-14 (Paris)");
        assertEquals("Rayon vide mardi soir", inbox.get(0).get("title").asText(), "the title, read from the platform");
        assertEquals("LYON-PARTDIEU", inbox.get(0).get("store").asText());
        assertEquals("OPEN", inbox.get(0).get("status").asText());
        assertEquals(0, http.get(DEMO + "/managers/me/complaints", backup).json().get("items").size(), "not the backup's");
        assertTrue(http.get(DEMO + "/managers/me", manager).json().get("stores").toString().contains("LYON-PARTDIEU"));
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.assigned' AND subject_id = ?", id));

        Http.Response who = http.get(DEMO + "/complaints/" + id + "/complainant", manager);
        assertEquals("customer@demo.example", who.json().get("email").asText());
        assertEquals(403, http.get(DEMO + "/complaints/" + id + "/complainant", backup).status(), "the assigned manager only");
        assertEquals(1, count("SELECT COUNT(*) FROM lm_identity_access WHERE complaint_id = ? AND user_id = ?", id, managerId));
        assertFalse(http.get(DEMO + "/complaints/" + id, null).raw().body().contains("customer@demo.example"),
            "never public");

        JsonNode waiting = http.get(DEMO + "/complaints/" + id + "/timeline", null).json();
        assertEquals("STORE", waiting.get("deadline").get("level").asText(), "the public timeline shows the deadline: " + waiting);
        assertEquals(count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND due_at = ?", id,
            Instant.parse(waiting.get("deadline").get("dueAt").asText())), 1L);
        assertFalse(waiting.toString().contains("manager"), "and no manager's identity");
        assertEquals(201, post(DEMO + "/complaints/" + id + "/responses", manager, Http.json("body", "Nous avons réassorti le rayon.")).status());
        assertEquals("Réponse officielle — magasin de Lyon Part-Dieu", http.get(DEMO + "/complaints/" + id, null).json()
            .get("responses").get(0).get("label").get("fr").asText());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NOT NULL", id) == 1);
        clock.advance(Duration.ofDays(30));
        assertEquals(1, plugin.deadlines.run(100), "an answered complaint does not escalate; it only closes unevaluated");
        assertEquals(0, count("SELECT COUNT(*) FROM domain_event WHERE event_type IN ('complaint.escalated', 'complaint.reminder')"));
        List<String> steps = new ArrayList<>();
        http.get(DEMO + "/complaints/" + id + "/timeline", null).json().get("steps").forEach(s -> steps.add(s.get("step").asText()));
        assertEquals(List.of("received", "sent-to-store", "answered", "closed-not-evaluated"), steps);
        assertFalse(http.get(DEMO + "/complaints/" + id + "/timeline", null).json().has("deadline"), "no deadline once answered");
    }

    @Test
    void deadlinesRemindThenEscalateOnceEvenWithTwoNodes() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(complain("LYON-PARTDIEU", "Réclamation numéro " + i));
        }
        clock.set(Instant.parse("2026-11-24T11:00:00Z")); // Tue 12:00 Paris: 12 opening hours passed, 50 %
        Deadlines otherNode = LocalManagers.start(new LocalManagers.CoreServices(server.core.db, server.core.events,
            server.core.migrator, server.core.endpoints, new org.entraide.localmanagers.internal.Platform(server.core.platform,
                server.core.platform, server.core.platform, server.core.platform, server.core.complaintMoves, server.core.eventReader), server.core.mail,
            server.core.capabilities), Routing.Settings.defaults(), Rankings.Formula.defaults(), 3_600_000, clock).deadlines;
        assertEquals(8, runTogether(plugin.deadlines, otherNode), "one 50 % reminder per complaint, whichever node fires it");
        assertEquals(0, runTogether(plugin.deadlines, otherNode));
        clock.set(Instant.parse("2026-11-26T17:00:00Z")); // Thursday 18:00: 90 % and the deadline (Wed 14:00) passed
        assertEquals(16, runTogether(plugin.deadlines, otherNode));
        clock.advance(Duration.ofDays(7));
        assertEquals(8, runTogether(plugin.deadlines, otherNode), "then the central team");
        assertEquals(0, runTogether(plugin.deadlines, otherNode));
        assertEquals(16, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.reminder'"));
        assertEquals(16, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.escalated'"));
        List<String> steps = new ArrayList<>();
        http.get(DEMO + "/complaints/" + ids.get(0) + "/timeline", null).json().get("steps").forEach(s -> steps.add(s.get("step").asText()));
        assertEquals(List.of("received", "sent-to-store", "escalated-region", "escalated-central"), steps);
        assertTrue(http.get(DEMO + "/managers/me/complaints", manager).json().get("items").get(0).get("late").asBoolean());
    }

    private int runTogether(Deadlines a, Deadlines b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(() -> a.run(100), () -> b.run(100));
            int sum = 0;
            for (Future<Integer> f : pool.invokeAll(both)) {
                sum += f.get();
            }
            return sum;
        } finally {
            pool.shutdown();
        }
    }

    /** A member of the demo brand, with a token. */
    private record Member(long id, String token) {
    }

    private Member member(String email, String pseudonym) {
        long id = server.core.accounts.register("demo", email, DemoSeeder.PASSWORD, pseudonym);
        return new Member(id, login(email));
    }

    @Test
    void theRegionAnswersOfficiallyOnceTheComplaintIsEscalatedToIt() {
        Member sudEst = member("sud-est@demo.example", "Direction-Sud-Est");
        Member nord = member("nord@demo.example", "Direction-Nord");
        assertEquals(200, http.put(DEMO + "/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":[" + sudEst.id() + "]}")
            .status());
        assertEquals(200, http.put(DEMO + "/regions/NORD", admin, "{\"name\":\"Nord\",\"managers\":[" + nord.id() + "]}")
            .status());
        assertEquals(200, http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ",\"region\":\"SUD-EST\","
            + "\"managers\":[" + managerId + "," + backupId + "]}").status());
        long id = complain("LYON-PARTDIEU", "Colis jamais livré");
        String responses = DEMO + "/complaints/" + id + "/responses";

        Http.Response early = post(responses, sudEst.token(), Http.json("body", "La région répond avant le magasin."));
        assertEquals(403, early.status(), "the store has its deadline first: " + early);
        assertEquals("application/problem+json", early.header("Content-Type"));

        clock.set(Instant.parse("2026-11-26T17:00:00Z")); // Thursday 18:00 Paris: the deadline (Wed 14:00) passed
        plugin.deadlines.run(100);
        assertEquals(1, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND level = 'REGION'", id));
        Http.Response other = post(responses, nord.token(), Http.json("body", "Une autre région."));
        assertEquals(403, other.status(), "another region's manager: " + other);
        assertEquals("application/problem+json", other.header("Content-Type"));
        assertEquals(403, post(responses, member("membre@demo.example", "Simple-Membre").token(),
            Http.json("body", "Un simple membre.")).status(), "a plain member");

        Http.Response answered = post(responses, sudEst.token(), Http.json("body", "Nous vous livrons demain, avec nos excuses."));
        assertEquals(201, answered.status(), answered.toString());
        JsonNode response = http.get(DEMO + "/complaints/" + id, null).json().get("responses").get(0);
        assertTrue(response.get("official").asBoolean(), response.toString());
        assertEquals("Réponse officielle — région Sud-Est", response.get("label").get("fr").asText());
        assertEquals("Official response — Sud-Est region", response.get("label").get("en").asText());
        assertEquals("ANSWERED", http.get(DEMO + "/complaints/" + id, null).json().get("status").asText());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NOT NULL", id) == 1);
        assertEquals(1, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND next_step_at IS NULL", id),
            "the response stops the clock");
        clock.advance(Duration.ofDays(7));
        plugin.deadlines.run(100);
        assertEquals(0, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND escalated_central IS NOT NULL", id),
            "no escalation to the central team once the region answered");
        List<String> steps = new ArrayList<>();
        JsonNode timelineSteps = http.get(DEMO + "/complaints/" + id + "/timeline", null).json().get("steps");
        timelineSteps.forEach(x -> steps.add(x.get("step").asText()));
        assertEquals(List.of("received", "sent-to-store", "escalated-region", "answered-region"), steps.subList(0, 4));
        assertEquals("réponse de la direction régionale", timelineSteps.get(3).get("label").get("fr").asText());
        JsonNode lyon = http.get(DEMO + "/rankings/stores?period=30d", null).json().get("items").get(0);
        assertEquals(1, lyon.get("responded").asInt(), "the region's response is the complaint's first response: " + lyon);
        assertEquals(1.0, lyon.get("responseRate").asDouble());
        assertFalse(lyon.get("medianHoursToFirstResponse").isNull(), lyon.toString());
    }

    /**
     * What other plugins learn of who handles a complaint ({@code Assignments}): the assigned manager and store, then the
     * new store after a delegation, the central team without any region after a hand-over, the region and its managers
     * once the store's deadline passed (still after it went on to the central team); a region's manager then writes
     * through another plugin, another region's cannot.
     */
    @Test
    void theAssignmentTellsOtherPluginsWhoHandlesAComplaint() {
        Member sudEst = member("sud-est@demo.example", "Direction-Sud-Est");
        Member sudEstBis = member("sud-est-2@demo.example", "Adjointe-Sud-Est");
        Member nord = member("nord@demo.example", "Direction-Nord");
        Member paris = member("paris@demo.example", "Gerant-Paris");
        server.core.administration.setRoles(server.core.accounts.authenticate("Bearer " + admin).orElseThrow(),
            server.core.brands.find("demo").orElseThrow(), paris.id(), Set.of(Role.STORE_MANAGER), List.of("PARIS-BERCY"));
        assertEquals(200, http.put(DEMO + "/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":[" + sudEst.id() + ","
            + sudEstBis.id() + "]}").status());
        assertEquals(200, http.put(DEMO + "/regions/NORD", admin, "{\"name\":\"Nord\",\"managers\":[" + nord.id() + "]}").status());
        assertEquals(200, http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ",\"region\":\"SUD-EST\","
            + "\"managers\":[" + managerId + "," + backupId + "]}").status());
        assertEquals(200, http.put(DEMO + "/stores/PARIS-BERCY/settings", admin, "{" + STANDARD_HOURS + ",\"region\":\"NORD\","
            + "\"managers\":[" + paris.id() + "]}").status());
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        long lyon = server.core.db.inTransaction(c -> server.core.platform.byCode(c, brandId, "LYON-PARTDIEU")).orElseThrow().id();
        long bercy = server.core.db.inTransaction(c -> server.core.platform.byCode(c, brandId, "PARIS-BERCY")).orElseThrow().id();
        org.entraide.api.localmanagers.Assignments assignments = plugin.assignments;
        java.util.function.LongFunction<org.entraide.api.localmanagers.Assignment> of =
            id -> server.core.db.inTransaction(c -> assignments.of(c, brandId, id)).orElseThrow();
        var store = org.entraide.api.localmanagers.Assignment.Level.STORE;

        long routed = complain("LYON-PARTDIEU", "Colis jamais livré");
        assertEquals(new org.entraide.api.localmanagers.Assignment(routed, lyon, managerId, store, null, List.of()), of.apply(routed));
        long delegated = complain("LYON-PARTDIEU", "En fait c'était à Paris");
        assertEquals(200, post(DEMO + "/complaints/" + delegated + "/delegation", manager,
            "{\"storeCode\":\"PARIS-BERCY\",\"reason\":\"Achat fait à Paris\"}").status());
        assertEquals(new org.entraide.api.localmanagers.Assignment(delegated, bercy, paris.id(), store, null, List.of()),
            of.apply(delegated), "the new store and its manager");
        long handed = complain("LYON-PARTDIEU", "Litige sur une garantie");
        assertEquals(200, post(DEMO + "/complaints/" + handed + "/handover", manager, "{\"reason\":\"Décision du siège\"}").status());
        var central = org.entraide.api.localmanagers.Assignment.Level.CENTRAL;
        assertEquals(new org.entraide.api.localmanagers.Assignment(handed, lyon, managerId, central, null, List.of()),
            of.apply(handed), "a hand-over skips the region");

        clock.set(Instant.parse("2026-11-26T17:00:00Z")); // Thursday 18:00 Paris: both stores' deadlines (Wed 14:00) passed
        plugin.deadlines.run(100);
        var region = org.entraide.api.localmanagers.Assignment.Level.REGION;
        org.entraide.api.localmanagers.Assignment escalated = of.apply(routed);
        assertEquals(new org.entraide.api.localmanagers.Assignment(routed, lyon, managerId, region, "SUD-EST",
            List.of(Math.min(sudEst.id(), sudEstBis.id()), Math.max(sudEst.id(), sudEstBis.id()))), escalated);
        assertTrue(escalated.handledBy(sudEst.id()) && escalated.handledBy(managerId), escalated.toString());
        assertFalse(escalated.handledBy(nord.id()) || escalated.handledBy(backupId), "another region's manager, a backup");
        assertEquals(new org.entraide.api.localmanagers.Assignment(delegated, bercy, paris.id(), region, "NORD", List.of(nord.id())),
            of.apply(delegated), "the region of the store it was delegated to");
        assertEquals(central, of.apply(handed).level());
        assertTrue(of.apply(handed).regionManagerIds().isEmpty());
        assertTrue(server.core.db.inTransaction(c -> assignments.of(c, brandId + 1000, routed)).isEmpty(), "another brand");
        assertTrue(server.core.db.inTransaction(c -> assignments.of(c, brandId, routed + 1000)).isEmpty(), "no such complaint");

        // a region's manager answers by e-mail through another plugin (the contact relay); another region's may not
        server.core.db.inTransaction(c -> plugin.messages.send(c, brandId, routed, sudEstBis.id(), "La région reprend votre dossier."));
        JsonNode thread = http.get(DEMO + "/complaints/" + routed + "/messages", customer).json().get("items");
        assertEquals(1, thread.size(), thread.toString());
        assertTrue(thread.get(0).get("fromStore").asBoolean(), "the complainant reads it as the store's side: " + thread);
        assertRefused(403, () -> server.core.db.inTransaction(c -> plugin.messages.send(c, brandId, routed, nord.id(), "Autre région")),
            "another region's manager");
        assertRefused(403, () -> server.core.db.inTransaction(c -> plugin.messages.send(c, brandId, routed, backupId, "Le magasin")),
            "a manager of the store it is not assigned to");
        // the region's managers read and write the thread on their pages too, as the store's side
        String messages = DEMO + "/complaints/" + routed + "/messages";
        assertEquals(201, post(messages, sudEst.token(), Http.json("body", "Pouvez-vous nous envoyer le ticket ?")).status());
        JsonNode regionView = http.get(messages, sudEst.token()).json();
        assertEquals("region", regionView.get("party").asText(), regionView.toString());
        assertEquals(2, regionView.get("items").size(), regionView.toString());
        assertTrue(regionView.get("items").get(1).get("mine").asBoolean() && !regionView.get("items").get(0).get("mine").asBoolean(),
            "the region's own message, and its colleague's: " + regionView);
        assertEquals("assigned", http.get(messages, manager).json().get("party").asText(), "the store's manager still reads it");
        assertEquals("complainant", http.get(messages, customer).json().get("party").asText());
        assertEquals(403, http.get(messages, nord.token()).status(), "another region's manager reads nothing");
        assertEquals(403, http.get(messages, backup).status(),
            "nor a manager of the store it is not assigned to");
        assertEquals(403, http.get(messages, admin).status(), "nor the brand's admins, before it reaches the central team");
        assertEquals(403, post(messages, nord.token(), Http.json("body", "Autre région")).status());
        assertEquals(403, http.get(DEMO + "/complaints/" + routed + "/complainant", sudEst.token()).status(),
            "who filed it stays with the assigned manager");

        clock.advance(Duration.ofDays(7));
        plugin.deadlines.run(100);
        org.entraide.api.localmanagers.Assignment later = of.apply(routed);
        assertEquals(central, later.level());
        assertEquals("SUD-EST", later.region(), "the region still answers once it went on to the central team");
        assertTrue(later.handledBy(sudEst.id()));

        // once a complaint reached the central team (its time ran out, or a hand-over), the brand's admins read and
        // write its thread too, on the store's side, and still do not learn who filed it
        JsonNode centralView = http.get(messages, admin).json();
        assertEquals("central", centralView.get("party").asText(), centralView.toString());
        assertEquals(2, centralView.get("items").size(), centralView.toString());
        String handedMessages = DEMO + "/complaints/" + handed + "/messages";
        assertEquals(201, post(handedMessages, admin, Http.json("body", "Le siège reprend votre dossier.")).status());
        long adminId = server.core.accounts.authenticate("Bearer " + admin).orElseThrow().userId();
        server.core.db.inTransaction(c -> plugin.messages.send(c, brandId, handed, adminId, "Et par e-mail aussi."));
        JsonNode handedThread = http.get(handedMessages, customer).json().get("items");
        assertEquals(2, handedThread.size(), handedThread.toString());
        assertTrue(handedThread.get(0).get("fromStore").asBoolean() && handedThread.get(1).get("fromStore").asBoolean(),
            "the complainant reads the central team as the store's side: " + handedThread);
        assertEquals("central", http.get(handedMessages, admin).json().get("party").asText());
        assertEquals(403, http.get(DEMO + "/complaints/" + handed + "/complainant", admin).status(),
            "who filed it stays with the assigned manager");
        assertEquals(403, http.get(handedMessages, backup).status(), "a manager of the store it is not assigned to reads nothing");
    }

    @Test
    void anAbsentManagersComplaintsGoToTheBackup() {
        Http.Response away = post(DEMO + "/managers/absences", manager,
            "{\"from\":\"2026-11-23T00:00:00Z\",\"to\":\"2026-11-30T00:00:00Z\"}");
        assertEquals(201, away.status(), away.toString());
        long id = complain("LYON-PARTDIEU", "Pendant les congés du gérant");
        assertEquals(backupId, count("SELECT manager_id FROM lm_assignment WHERE complaint_id = ?", id));
        assertEquals(403, post(DEMO + "/managers/absences", manager,
            "{\"userId\":" + backupId + ",\"from\":\"2026-11-23T00:00:00Z\",\"to\":\"2026-11-30T00:00:00Z\"}").status());
        assertEquals(400, post(DEMO + "/managers/absences", manager, "{\"from\":\"demain\",\"to\":\"2026-11-30T00:00:00Z\"}").status());
    }

    @Test
    void theStoreRankingCountsAnIncidentsComplaintsApartAndTheBrandKeepsThem() throws Exception {
        var core = server.core;
        var incidents = new org.entraide.incidents.internal.Incidents(new org.entraide.incidents.internal.Incidents.Core(core.db,
            core.events, core.eventReader, core.migrator, core.endpoints, core.platform, core.platform, core.complaintMoves,
            core.renderer), org.entraide.incidents.internal.IncidentsSettings.defaults(), java.time.Clock.systemUTC());
        server.install(incidents.services());
        incidents.useRegions(plugin.regions);
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"incidents\":true}").status());
        Member sudEst = member("sud-est@demo.example", "Direction-Sud-Est");
        assertEquals(200, http.put(DEMO + "/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":[" + sudEst.id() + "]}")
            .status());
        assertEquals(200, http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ",\"region\":\"SUD-EST\","
            + "\"managers\":[" + managerId + "," + backupId + "]}").status());
        // a region's managers handle their region's incidents; the whole brand's is the central team's
        assertEquals(403, post(DEMO + "/incidents", sudEst.token(), "{\"title\":\"Tout\",\"theme\":[\"panne caisse\"]}").status());
        assertEquals(403, post(DEMO + "/incidents", sudEst.token(), "{\"title\":\"Paris\",\"theme\":[\"panne caisse\"],"
            + "\"regions\":[\"SUD-EST\"],\"stores\":[\"PARIS-BERCY\"]}").status(), "a store outside the region");
        assertEquals(403, post(DEMO + "/incidents", manager, "{\"title\":\"Lyon\",\"theme\":[\"panne caisse\"],"
            + "\"regions\":[\"SUD-EST\"]}").status(), "a store manager");
        Http.Response regional = post(DEMO + "/incidents", sudEst.token(), "{\"title\":\"Panne en Sud-Est\",\"theme\":[\"panne caisse\"],"
            + "\"regions\":[\"SUD-EST\"]}");
        assertEquals(201, regional.status(), regional.toString());
        List<Long> outage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outage.add(complain("LYON-PARTDIEU", "Panne de caisse numéro " + i));
        }
        complain("LYON-PARTDIEU", "Rayon vide");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE incident_id IS NOT NULL") == 3);
        assertEquals(3, count("SELECT COUNT(*) FROM inc_item WHERE incident_id = ?", regional.json().get("id").asLong()),
            "a Lyon complaint is in the Sud-Est region's incident");
        assertEquals(4, count("SELECT COALESCE(SUM(posts), 0) FROM inc_hourly WHERE scope = 'region:SUD-EST'"),
            "counted in the store's region too");
        JsonNode lyon = http.get(DEMO + "/rankings/stores?period=30d", null).json().get("items").get(0);
        assertEquals("LYON-PARTDIEU", lyon.get("storeCode").asText());
        assertEquals(1, lyon.get("complaints").asInt(), "only the store's own complaint counts in its figures: " + lyon);
        assertEquals(3, lyon.get("incidentComplaints").asInt(), "the incident's are shown apart: " + lyon);
        JsonNode brand = http.get(DEMO + "/rankings/brand?period=30d", null).json().get("brand");
        assertEquals(4, brand.get("complaints").asInt(), "the brand answers for the outage: " + brand);
        assertEquals(3, brand.get("incidentComplaints").asInt());
    }

    @Test
    void theRankingFollowsThePublishedFormula() {
        for (int i = 0; i < 12; i++) {
            long id = complain("LYON-PARTDIEU", "Réclamation classée " + i);
            assertEquals(201, post(DEMO + "/complaints/" + id + "/responses", manager, Http.json("body", "Réponse " + i)).status());
            Http.Response verdict = post(DEMO + "/complaints/" + id + "/resolution", customer,
                "{\"resolved\":" + (i < 9) + ",\"rating\":8,\"wouldBuyAgain\":" + (i % 2 == 0) + "}");
            assertEquals(200, verdict.status(), verdict.toString());
        }
        complain("PARIS-BERCY", "Une seule réclamation à Paris");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE evaluated_at IS NOT NULL") == 12);
        JsonNode stores = http.get(DEMO + "/rankings/stores?period=30d", null).json().get("items");
        JsonNode lyon = stores.get(0);
        assertEquals("LYON-PARTDIEU", lyon.get("storeCode").asText());
        assertEquals(1.0, lyon.get("responseRate").asDouble());
        assertEquals(0.75, lyon.get("resolutionRate").asDouble());
        assertEquals(0.5, lyon.get("wouldBuyAgainRate").asDouble());
        assertEquals(8.0, lyon.get("averageRating").asDouble());
        // 10 x (0.2 x 1 + 0.3 x 0.75 + 0.2 x 0.5) + 0.3 x 8
        assertEquals(7.65, lyon.get("score").asDouble(), 1e-9);
        JsonNode bercy = stores.get(1);
        assertEquals("PARIS-BERCY", bercy.get("storeCode").asText());
        assertTrue(bercy.get("score").isNull() && !bercy.get("enoughData").asBoolean(), "not enough data: " + bercy);
        assertEquals(13, http.get(DEMO + "/rankings/brand?period=12m", null).json().get("brand").get("complaints").asInt());
        assertEquals(400, http.get(DEMO + "/rankings/stores?period=forever", null).status());

        // the brand's own formula: the response rate alone, from 5 evaluations
        String formula = DEMO + "/rankings/formula";
        assertEquals(403, http.put(formula, customer, "{\"response\":1,\"rating\":0,\"resolution\":0,\"buyAgain\":0,\"minEvaluated\":5}")
            .status());
        assertEquals(400, http.put(formula, admin, "{\"response\":0.5,\"rating\":0,\"resolution\":0,\"buyAgain\":0,\"minEvaluated\":5}")
            .status(), "weights must sum to 1");
        JsonNode own = http.put(formula, admin, "{\"response\":1,\"rating\":0,\"resolution\":0,\"buyAgain\":0,\"minEvaluated\":5}").json();
        assertTrue(own.get("own").asBoolean(), own.toString());
        JsonNode ranked = http.get(DEMO + "/rankings/stores?period=30d", null).json();
        assertEquals(10.0, ranked.get("items").get(0).get("score").asDouble(), 1e-9, "10 x 1.0 response rate");
        assertEquals(1.0, ranked.get("formula").get("response").asDouble(), "the published formula is the brand's");
        assertFalse(http.put(formula, admin, "{}").json().get("own").asBoolean(), "back to the configured formula");
        assertEquals(7.65, http.get(DEMO + "/rankings/stores?period=30d", null).json().get("items").get(0).get("score").asDouble(), 1e-9);
    }

    @Test
    void thanksToAStoreTeamAreCountedBesideItsComplaintsOnce() throws Exception {
        var core = server.core;
        var p = core.platform;
        server.install(List.of(new org.entraide.channels.internal.ChannelsCapability(), new org.entraide.channels.internal.ChannelsPlugin(
            new org.entraide.channels.internal.CoreServices(core.db, core.migrator, core.endpoints, p, p, p, p, core.events,
                core.contributions, core.mail, core.capabilities, core.pictures),
            org.entraide.channels.internal.ChannelSettings.defaults("https://entraide.example"), java.time.Clock.systemUTC())));
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"channels\":true}").status());
        complain("LYON-PARTDIEU", "Rayon vide encore");
        for (String store : List.of("LYON-PARTDIEU", "LYON-PARTDIEU", "PARIS-BERCY")) {
            Http.Response thanked = post(DEMO + "/stores/" + store + "/thanks", customer, "{\"source\":\"qr\"}");
            assertEquals(201, thanked.status(), thanked.toString());
        }
        Awaitility.await("the thanks counted").atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_store_thanks") == 3);
        // thanks are dated by their event, in the platform's time: the ranking's period ends now
        clock.set(Instant.now().plusSeconds(60));
        JsonNode stores = http.get(DEMO + "/rankings/stores?period=30d", null).json().get("items");
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        stores.forEach(s -> byCode.put(s.get("storeCode").asText(), s));
        assertEquals(1, byCode.get("LYON-PARTDIEU").get("complaints").asInt(), stores.toString());
        assertEquals(2, byCode.get("LYON-PARTDIEU").get("thanks").asInt(), stores.toString());
        assertEquals(0, byCode.get("PARIS-BERCY").get("complaints").asInt(), "a store thanked without complaints is listed");
        assertEquals(1, byCode.get("PARIS-BERCY").get("thanks").asInt(), stores.toString());
        assertEquals(3, http.get(DEMO + "/rankings/brand?period=30d", null).json().get("brand").get("thanks").asInt());

        // the same event applied again (a replay) counts nothing more
        long thanksId = count("SELECT MAX(thanks_id) FROM lm_store_thanks");
        long bercy = count("SELECT store_id FROM lm_store_thanks WHERE thanks_id = ?", thanksId);
        plugin.routing.apply(new org.entraide.api.event.DomainEvent(1, core.brands.find("demo").orElseThrow().id(),
            org.entraide.api.channels.ChannelEvents.STORE_THANKED, Instant.now(), null, "store", bercy,
            "{\"thanksId\":" + thanksId + ",\"storeId\":" + bercy + ",\"storeCode\":\"PARIS-BERCY\",\"userId\":null,"
                + "\"source\":\"qr\"}", 1));
        assertEquals(3, count("SELECT COUNT(*) FROM lm_store_thanks"), "a replayed thanks is counted once");
        assertEquals(3, http.get(DEMO + "/rankings/brand?period=30d", null).json().get("brand").get("thanks").asInt());
    }

    @Test
    void storesAreImportedWholeOrNotAtAllAndExported() {
        assertEquals(200, http.put(DEMO + "/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":[]}").status());
        String header = "code;region;timeZone;monday;tuesday;wednesday;thursday;friday;saturday;sunday;closures;managers\n";
        String good = "LYON-PARTDIEU;SUD-EST;Europe/Paris;09:00-12:00 14:00-19:00;09:00-19:00;09:00-19:00;09:00-19:00;"
            + "09:00-19:00;09:00-18:00;;2026-12-25;backup@demo.example Manager@Demo.example\n"; // addresses as at sign-in
        String bad = "NOWHERE;;Europe/Paris;09:00-19:00;;;;;;;;\n"
            + "PARIS-BERCY;;Mars/Olympus;09:00-19:00;;;;;;;;\n"
            + "LILLE-EURALILLE;;Europe/Paris;19:00-09:00;;;;;;;;\n"
            + "BORDEAUX-LAC;;Europe/Paris;09:00-19:00;;;;;;;;customer@demo.example\n"
            + "MARSEILLE-VALENTINE;too;few;fields\n";
        Http.Response rejected = post(DEMO + "/stores/import", admin, Http.json("csv", header + good + bad));
        assertEquals(422, rejected.status(), rejected.toString());
        JsonNode lines = rejected.json().get("rejected");
        assertEquals(5, lines.size(), lines.toString());
        assertEquals(3, lines.get(0).get("line").asInt());
        assertTrue(lines.get(0).get("error").asText().contains("no store 'NOWHERE'"));
        assertTrue(lines.get(1).get("error").asText().contains("unknown time zone"));
        assertTrue(lines.get(3).get("error").asText().contains("not a manager of store BORDEAUX-LAC"));
        assertTrue(lines.get(4).get("error").asText().contains("expected 12 fields"));
        assertEquals(0, count("SELECT COUNT(*) FROM lm_store WHERE region_id IS NOT NULL"), "nothing half-imported");

        Http.Response imported = post(DEMO + "/stores/import", admin, Http.json("csv", header + good));
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(1, imported.json().get("imported").asInt());
        assertEquals(backupId, count("SELECT user_id FROM lm_store_manager WHERE rank_no = 0"), "the backup is now primary");
        String csv = http.get(DEMO + "/stores/export", admin).raw().body();
        assertTrue(csv.startsWith(header), csv);
        assertTrue(csv.contains("LYON-PARTDIEU;SUD-EST;Europe/Paris;09:00-12:00 14:00-19:00;09:00-19:00;") && csv.contains(";2026-12-25;backup@demo.example manager@demo.example"), csv);
        assertEquals(403, post(DEMO + "/stores/import", manager, Http.json("csv", header)).status());
    }

    @Test
    void complainantsFindTheirStoreByCityOrNearby() {
        JsonNode byCity = http.get(DEMO + "/stores/search?q=lyon", null).json().get("items");
        assertEquals("LYON-PARTDIEU", byCity.get(0).get("code").asText());
        assertEquals("PARIS-BERCY", http.get(DEMO + "/stores/search?q=75012", null).json().get("items").get(0).get("code").asText());
        // Place Bellecour, Lyon: the Part-Dieu store is about 2 km away, Marseille far behind
        JsonNode near = http.get(DEMO + "/stores/search?lat=45.7578&lon=4.8320", null).json().get("items");
        assertEquals("LYON-PARTDIEU", near.get(0).get("code").asText());
        assertTrue(near.get(0).get("distanceKm").asDouble() < 3, near.toString());
        assertEquals(400, http.get(DEMO + "/stores/search?lat=95&lon=4", null).status());
        assertEquals(400, http.get(DEMO + "/stores/search", null).status());
    }

    @Test
    void managersDelegateOrHandOverAndTheCentralTeamSeesItAll() {
        long wrongStore = complain("LYON-PARTDIEU", "En fait c'était à Paris");
        assertEquals(403, post(DEMO + "/complaints/" + wrongStore + "/delegation", backup,
            "{\"storeCode\":\"PARIS-BERCY\",\"reason\":\"Pas notre magasin\"}").status(), "the assigned manager only");
        assertEquals(400, post(DEMO + "/complaints/" + wrongStore + "/delegation", manager, "{\"storeCode\":\"PARIS-BERCY\"}").status(),
            "a reason is required");
        Http.Response moved = post(DEMO + "/complaints/" + wrongStore + "/delegation", manager,
            "{\"storeCode\":\"PARIS-BERCY\",\"reason\":\"Achat fait à Paris\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("PARIS-BERCY", http.get(DEMO + "/complaints/" + wrongStore, null).json().get("store").get("code").asText(),
            "the complaint is now about the Paris store");
        assertEquals(0, http.get(DEMO + "/managers/me/complaints", manager).json().get("items").size());

        long hard = complain("LYON-PARTDIEU", "Litige sur une garantie");
        assertEquals(200, post(DEMO + "/complaints/" + hard + "/handover", manager, "{\"reason\":\"Décision du siège\"}").status());
        assertEquals("CENTRAL", http.get(DEMO + "/managers/me/complaints", manager).json().get("items").get(0).get("level").asText());
        clock.advance(Duration.ofDays(10));
        JsonNode dashboard = http.get(DEMO + "/rankings/dashboard", admin).json();
        assertEquals(1, dashboard.get("openByLevel").get("CENTRAL").asInt());
        assertEquals(2, dashboard.get("late").size(), dashboard.toString());
        Set<String> lateStores = new java.util.HashSet<>();
        dashboard.get("late").forEach(l -> lateStores.add(l.get("store").asText()));
        assertEquals(Set.of("PARIS-BERCY", "LYON-PARTDIEU"), lateStores, "each late complaint with its store's code");
        assertEquals(2, dashboard.get("trend").get(0).get("filed").asInt());
        assertEquals(403, http.get(DEMO + "/rankings/dashboard", manager).status());
        Http.Response metrics = http.get("/metrics", Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD));
        assertTrue(metrics.raw().body().contains("\nentraide_complaints_late{brand=\"demo\"} 2\n"),
            "the platform's metrics count the late complaints per brand: " + metrics.raw().body());
        List<String> steps = new ArrayList<>();
        http.get(DEMO + "/complaints/" + wrongStore + "/timeline", null).json().get("steps").forEach(x -> steps.add(x.get("step").asText()));
        assertEquals(List.of("received", "sent-to-store", "delegated"), steps);
    }

    @Test
    void anAnsweredComplaintNobodyEvaluatesClosesAfterFifteenDays() {
        long id = complain("LYON-PARTDIEU", "Réponse jamais évaluée");
        assertEquals(201, post(DEMO + "/complaints/" + id + "/responses", manager, Http.json("body", "Voici notre réponse.")).status());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NOT NULL", id) == 1);
        clock.set(Instant.now().plus(Duration.ofDays(14)));
        assertEquals(0, plugin.deadlines.run(100), "not before 15 days");
        clock.set(Instant.now().plus(Duration.ofDays(16)));
        assertEquals(1, plugin.deadlines.run(100));
        assertEquals(0, plugin.deadlines.run(100), "once");
        assertTrue(http.get(DEMO + "/complaints/" + id + "/timeline", null).raw().body().contains("close sans évaluation"));
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.closed' AND subject_id = ?", id));
    }

    /** Holds every complaint whose title says so, as a moderation rule would: a fake of the platform's own SPI. */
    static final class HoldMarked implements SubmissionStep {
        @Override
        public String capability() {
            return null;
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Submission apply(Submission s) {
            return s.title() != null && s.title().startsWith("[hold]") ? s.withState(PublicationState.PENDING_REVIEW, "held") : s;
        }
    }

    @Test
    void aHeldComplaintReachesItsStoreOnlyOnceApprovedWithAFreshDeadline() {
        server.core.pipeline.add(new HoldMarked());
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        Http.Response held = post(DEMO + "/complaints", customer, Http.json("title", "[hold] Vendeur insultant",
            "body", "Le vendeur m'a parlé très mal.", "storeCode", "LYON-PARTDIEU"));
        assertEquals(201, held.status(), held.toString());
        assertEquals("PENDING_REVIEW", held.json().get("publication").asText());
        long heldId = held.json().get("id").asLong();
        Http.Response refused = post(DEMO + "/complaints", customer, Http.json("title", "[hold] Spam", "body", "Achetez ailleurs.",
            "storeCode", "LYON-PARTDIEU"));
        long refusedId = refused.json().get("id").asLong();
        long later = complain("LYON-PARTDIEU", "Caisse fermée"); // routed: the events before it were handled too
        assertEquals(0, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id IN (?, ?)", heldId, refusedId),
            "a held complaint is not in any inbox");
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox"), "nor mailed: only the published one was");
        assertEquals(1, http.get(DEMO + "/rankings/brand?period=30d", null).json().get("brand").get("complaints").asInt(),
            "nor counted in the ranking");
        assertEquals(1, http.get(DEMO + "/managers/me/complaints", manager).json().get("items").size());

        clock.advance(Duration.ofHours(3)); // Monday 13:00 in Paris
        server.core.publications.change(brandId, refusedId, PublicationState.REJECTED, managerId, "spam");
        server.core.publications.change(brandId, heldId, PublicationState.PUBLISHED, managerId, "fine");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ?", heldId) == 1);
        assertEquals(1, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND filed_at = ? AND due_at = ?", heldId,
            MONDAY_10.plus(Duration.ofHours(3)), Instant.parse("2026-11-25T16:00:00Z")),
            "its 24 opening hours start at the approval, Monday 13:00 (Paris)");
        long another = complain("LYON-PARTDIEU", "Parking fermé");
        assertEquals(0, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ?", refusedId), "a rejected one never");
        assertEquals(3, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id IN (?, ?, ?)", heldId, later, another));
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.published' AND subject_id = ?",
            heldId));
        assertEquals(0, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.published' AND subject_id = ?",
            refusedId));
    }

    @Test
    void theManagerIsToldByEmailThroughThePlatformsMailService() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
            new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        var before = server.core.mailSender.settings();
        try {
            server.core.mailSender.configure(before.withSmtp("smtp://127.0.0.1:" + port).withFrom("entraide@test.example")
                .withPoll(Duration.ofMillis(100)));
            long id = complain("LYON-PARTDIEU", "Caisse automatique en panne");
            assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", "lm-assigned-" + id + "-" + managerId),
                "queued in the core's outbox with the routing, under a key of the assignment");
            assertEquals(0, count("SELECT COUNT(*) FROM lm_mail"), "the plugin's own mail table is no longer written");
            assertTrue(smtp.waitForIncomingEmail(20_000, 1));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'") == 1);
            jakarta.mail.internet.MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("manager@demo.example", mail.getAllRecipients()[0].toString());
            assertEquals("entraide@test.example", mail.getFrom()[0].toString());
            assertEquals("<lm-assigned-" + id + "-" + managerId + "@entraide>", mail.getMessageID());
            assertTrue(mail.getSubject().contains("Lyon Part-Dieu") && mail.getSubject().contains("réclamation"),
                mail.getSubject());
            String body = String.valueOf(mail.getContent());
            assertTrue(body.contains("Caisse automatique en panne") && body.contains("#" + id), body);
            assertFalse(body.contains("customer@demo.example"), "never the complainant's identity");
            Thread.sleep(500);
            assertEquals(1, smtp.getReceivedMessages().length, "sent once");
        } finally {
            server.core.mailSender.configure(before);
            smtp.stop();
        }
    }

    @Test
    void privateMessagesGoThroughTheModerationRulesInBothDirections() {
        long id = complain("LYON-PARTDIEU", "Remboursement refusé");
        String messages = DEMO + "/complaints/" + id + "/messages";
        java.util.List<String> checked = new java.util.ArrayList<>();
        plugin.parties.useMessageRules((brand, caller, text) -> {
            checked.add(caller.pseudonym());
            if (text.contains("menace")) {
                throw new org.entraide.api.problem.ProblemException(422, "moderation-blocked", "Refused by moderation", "no", null,
                    java.util.Map.of());
            }
            return text.replace("claire@example.com", "[masqué]");
        });
        assertEquals(201, post(messages, manager, Http.json("body", "Je vous écris à claire@example.com.")).status());
        assertEquals(201, post(messages, customer, Http.json("body", "Voici ma réponse.")).status());
        assertEquals(422, post(messages, customer, Http.json("body", "Une menace.")).status());
        assertEquals(3, checked.size(), "both directions are checked, the refused one too: " + checked);
        JsonNode items = http.get(messages, customer).json().get("items");
        assertEquals(2, items.size(), "the refused message is not stored");
        assertEquals("Je vous écris à [masqué].", items.get(0).get("body").asText());
        plugin.parties.useMessageRules(null);
    }

    @Test
    void aFinishedComplaintsPrivateMessagesGoAfterTheBrandsRetentionPeriod() {
        long ended = complain("LYON-PARTDIEU", "Commande incomplète");
        long going = complain("LYON-PARTDIEU", "Retour refusé");
        for (long id : List.of(ended, going)) {
            assertEquals(201, post(DEMO + "/complaints/" + id + "/messages", manager, Http.json("body", "Pouvez-vous envoyer le ticket ?"))
                .status());
            assertEquals(201, post(DEMO + "/complaints/" + id + "/messages", customer, Http.json("body", "Le voici.")).status());
        }
        // the first was evaluated 400 days ago; the second goes on
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE lm_assignment SET evaluated_at = ? WHERE complaint_id = ?",
            java.time.Instant.now().minus(Duration.ofDays(400)), ended));
        assertEquals(200, http.put(DEMO + "/privacy-policy", admin, Http.json("erasedPosts", "KEEP", "threadDays", 365,
            "logDays", 365)).status());
        server.core.retention.run();
        assertEquals(0, count("SELECT COUNT(*) FROM lm_message WHERE complaint_id = ?", ended), "the ended thread expired");
        assertEquals(2, count("SELECT COUNT(*) FROM lm_message WHERE complaint_id = ?", going), "the open one is kept");
        assertEquals(1, count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND evaluated_at IS NOT NULL", ended),
            "the assignment and its figures stay");
        server.core.retention.run();
        assertEquals(2, count("SELECT COUNT(*) FROM lm_message WHERE complaint_id = ?", going), "a second pass takes nothing more");
        assertEquals(200, http.put(DEMO + "/privacy-policy", admin, Http.json("erasedPosts", "KEEP", "threadDays", 1,
            "logDays", 365)).status());
        server.core.retention.run();
        assertEquals(2, count("SELECT COUNT(*) FROM lm_message WHERE complaint_id = ?", going), "not finished: kept whatever the period");
    }

    @Test
    void anotherPluginSendsAPartysPrivateMessageAsThePageDoes() {
        long id = complain("LYON-PARTDIEU", "Colis jamais livré");
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        long customerId = http.get(DEMO + "/me", customer).json().get("id").asLong();
        var service = new org.entraide.localmanagers.internal.web.PrivateMessageService(server.core.events,
            new org.entraide.localmanagers.internal.Platform(server.core.platform, server.core.platform, server.core.platform,
                server.core.platform, server.core.complaintMoves, server.core.eventReader), server.core.capabilities, clock);
        java.util.List<String> checked = new java.util.ArrayList<>();
        service.useRules((brand, caller, text) -> {
            checked.add(caller.pseudonym());
            return text.replace("claire@example.com", "[masqué]");
        });
        long msg = server.core.db.inTransaction(c -> service.send(c, brandId, id, customerId,
            "Le ticket est joint, écrivez à claire@example.com\u202e."));
        assertEquals(1, checked.size(), "the moderation rules ran");
        JsonNode items = http.get(DEMO + "/complaints/" + id + "/messages", manager).json().get("items");
        assertEquals(1, items.size());
        assertEquals(msg, items.get(0).get("id").asLong());
        assertEquals("Le ticket est joint, écrivez à [masqué].", items.get(0).get("body").asText());
        assertFalse(items.get(0).get("fromStore").asBoolean(), "from the complainant, the manager reads it");
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.details-given' AND subject_id = ?", id));

        server.core.db.inTransaction(c -> service.send(c, brandId, id, managerId, "Merci, nous regardons."));
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.details-requested' AND subject_id = ?", id));
        assertRefused(403, () -> server.core.db.inTransaction(c -> service.send(c, brandId, id, backupId, "Je m'en occupe")),
            "not the assigned manager");
        assertRefused(400, () -> server.core.db.inTransaction(c -> service.send(c, brandId, id, customerId, " \u0007 ")), "empty");
        assertRefused(400, () -> server.core.db.inTransaction(c -> service.send(c, brandId, id, customerId, "x".repeat(2001))),
            "longer than the page allows");
        assertRefused(404, () -> server.core.db.inTransaction(c -> service.send(c, brandId + 1000, id, customerId, "Bonjour")),
            "another brand");
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"local-managers\":false}").status());
        assertRefused(404, () -> server.core.db.inTransaction(c -> service.send(c, brandId, id, customerId, "Bonjour")),
            "the brand turned local managers off");
        assertEquals(2, count("SELECT COUNT(*) FROM lm_message WHERE complaint_id = ?", id), "nothing refused was stored");
    }

    private static void assertRefused(int status, org.junit.jupiter.api.function.Executable call, String why) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.entraide.api.problem.ProblemException.class, call, why);
        assertEquals(status, e.status(), why + ": " + e.getMessage());
    }

    @Test
    void aPartyReportsTheOtherPartysMessageOnceAndAHiddenMessageShowsAsRemoved() throws Exception {
        long id = complain("LYON-PARTDIEU", "Remboursement refusé");
        String messages = DEMO + "/complaints/" + id + "/messages";
        long fromManager = post(messages, manager, Http.json("body", "Vous mentez, comme toujours.")).json().get("id").asLong();
        long fromCustomer = post(messages, customer, Http.json("body", "Voici le ticket.")).json().get("id").asLong();
        String reportManagers = messages + "/" + fromManager + "/report";
        String reason = Http.json("reason", "Il m'insulte.");
        assertProblem(409, post(reportManagers, customer, reason), "no moderation for the brand: nobody would read the report");
        // the moderation plugin is not in this module: its capability, as the brand turns it on
        server.install(List.of(new org.entraide.api.plugin.Capability() {
            @Override
            public String name() {
                return "moderation";
            }

            @Override
            public String description() {
                return "moderation, as the tests turn it on";
            }
        }));
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"moderation\":true}").status());

        assertProblem(400, post(reportManagers, customer, Http.json("reason", " ")), "a reason is required");
        assertProblem(400, post(reportManagers, customer, "{\"reason\":\"x\",\"extra\":1}"), "unknown field");
        assertProblem(409, post(messages + "/" + fromCustomer + "/report", customer, reason), "one's own message");
        assertProblem(404, post(reportManagers, backup, reason), "a third party does not learn the thread exists");
        assertProblem(404, post(reportManagers, admin, reason), "brand admins are not parties");
        assertProblem(404, post(messages + "/999999/report", customer, reason), "no such message");
        assertEquals(401, post(reportManagers, null, reason).status());
        Http.Response reported = post(reportManagers, customer, reason);
        assertEquals(201, reported.status(), reported.toString());
        assertProblem(409, post(reportManagers, customer, reason), "once per message and reporter");
        assertEquals(201, post(messages + "/" + fromCustomer + "/report", manager, Http.json("reason", "Hors sujet")).status(),
            "the manager reports the complainant's message");
        assertEquals(2, count("SELECT COUNT(*) FROM lm_message_report"));

        String payload = server.core.db.inTransaction(c -> Sql.one(c, "SELECT payload FROM domain_event WHERE event_type = "
            + "'complaint.message-reported' ORDER BY id", rs -> rs.getString(1)).orElseThrow());
        JsonNode p = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
        assertEquals("Vous mentez, comme toujours.", p.get("text").asText());
        assertEquals("manager", p.get("authorRole").asText());
        assertEquals(fromManager, p.get("messageId").asLong());
        assertEquals(managerId, p.get("managerId").asLong(), "a manager can be sanctioned for a message");
        assertEquals("Il m'insulte.", p.get("reason").asText());
        String aboutCustomer = server.core.db.inTransaction(c -> Sql.one(c, "SELECT payload FROM domain_event WHERE event_type = "
            + "'complaint.message-reported' ORDER BY id DESC", rs -> rs.getString(1)).orElseThrow());
        assertTrue(aboutCustomer.contains("\"author\":\"complainant\"") && aboutCustomer.contains("\"managerId\":0"), aboutCustomer);
        assertFalse(aboutCustomer.contains("customer@demo.example") || aboutCustomer.contains("Camille"),
            "the complainant is never named: " + aboutCustomer);

        long brandId = server.core.brands.find("demo").orElseThrow().id();
        assertRefused(404, () -> server.core.db.inTransaction(c -> {
            plugin.messages.hide(c, brandId + 1000, fromManager);
            return null;
        }), "another brand's command does not reach the message");
        server.core.db.inTransaction(c -> {
            plugin.messages.hide(c, brandId, fromManager);
            return null;
        });
        JsonNode items = http.get(messages, customer).json().get("items");
        assertTrue(items.get(0).get("removed").asBoolean());
        assertEquals("", items.get(0).get("body").asText(), "the text is not shown any more");
        assertFalse(items.get(1).get("removed").asBoolean());
        assertEquals(1, count("SELECT COUNT(*) FROM lm_message WHERE id = ? AND body = ?", fromManager,
            "Vous mentez, comme toujours."), "kept stored");
        assertEquals(201, post(messages, manager, Http.json("body", "Excusez-moi.")).status(), "the thread goes on");
        long fromManager2 = http.get(messages, customer).json().get("items").get(2).get("id").asLong();
        server.core.db.inTransaction(c -> {
            plugin.messages.hide(c, brandId, fromManager2);
            return null;
        });
        assertProblem(409, post(messages + "/" + fromManager2 + "/report", customer, reason), "already removed by moderation");

        OtherBrand other = otherBrand();
        assertProblem(404, post("/api/v1/brands/autre/complaints/" + id + "/messages/" + fromManager + "/report", other.admin(),
            reason), "demo's complaint under another brand's URL");
        assertEquals(2, count("SELECT COUNT(*) FROM lm_message_report"), "nothing refused was stored");
    }

    @Test
    void theManagerAsksForDetailsPrivately() {
        long id = complain("LYON-PARTDIEU", "Remboursement refusé");
        String messages = DEMO + "/complaints/" + id + "/messages";
        assertEquals(201, post(messages, manager, Http.json("body", "Pourriez-vous nous envoyer le ticket de caisse ?")).status());
        assertEquals(201, post(messages, customer, Http.json("body", "Le voici : ticket 4521 du 12 novembre.")).status());
        assertEquals(403, post(messages, backup, Http.json("body", "Je m'en occupe")).status(), "not the assigned manager");
        assertEquals(403, http.get(messages, backup).status());
        assertEquals(401, http.get(messages, null).status());
        JsonNode items = http.get(messages, customer).json().get("items");
        assertEquals(2, items.size());
        assertTrue(items.get(0).get("fromStore").asBoolean() && !items.get(1).get("fromStore").asBoolean());
        assertFalse(http.get(DEMO + "/complaints/" + id, null).raw().body().contains("ticket 4521"), "never public");
        assertEquals(1, count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.details-requested' AND subject_id = ?", id));
        assertEquals(400, post(messages, manager, Http.json("body", "")).status());

        assertEquals(201, post(messages, customer, "{\"body\":\"Ticket\\u0000 joint\\u0007\\ud800 \\u202eici\\r\\nMerci\"}").status());
        assertEquals(1, count("SELECT COUNT(*) FROM lm_message WHERE complaint_id = ? AND body = ?", id, "Ticket joint ici\nMerci"),
            "a message loses NUL, BEL, lone surrogates and overrides as it enters, and keeps its lines");
        assertEquals(400, post(messages, customer, "{\"body\":\"\\u0000\\u0007\"}").status(), "nothing left: refused");
    }

    @Test
    void eachPartySeesTheOtherPartysUnreadMessagesUntilItReadsTheThread() {
        long id = complain("LYON-PARTDIEU", "Ticket illisible");
        long quiet = complain("LYON-PARTDIEU", "Rayon mal rangé");
        String messages = DEMO + "/complaints/" + id + "/messages";
        String unread = DEMO + "/complaint-unread?ids=" + id + "," + quiet + ",999999";
        assertEquals(201, post(messages, manager, Http.json("body", "Pouvez-vous envoyer une photo du ticket ?")).status());

        JsonNode mine = http.get(unread, customer).json();
        assertEquals(1, mine.get("total").asLong(), "one message of the store is unread for the complainant: " + mine);
        assertEquals(1, mine.get("items").size(), "only complaints with something unread are listed: " + mine);
        assertEquals(id, mine.get("items").get(0).get("complaintId").asLong());
        assertEquals(1, mine.get("items").get(0).get("unread").asLong());
        assertEquals(0, http.get(unread, manager).json().get("total").asLong(), "one's own message is never unread");
        assertEquals(0, inboxUnread(id), "nor in the inbox");

        Member stranger = member("voisin@demo.example", "Voisin");
        for (String outsider : List.of(stranger.token(), backup, admin)) {
            JsonNode seen = http.get(unread, outsider).json();
            assertEquals(0, seen.get("items").size(), "a member who is no party sees nothing of the thread: " + seen);
        }
        assertProblem(401, http.get(unread, null), "members only");
        assertProblem(400, http.get(DEMO + "/complaint-unread?ids=1;2", customer), "ids separated by commas");
        assertProblem(400, http.get(DEMO + "/complaint-unread", customer), "ids are required");

        assertEquals(200, http.get(messages, customer).status());
        assertEquals(0, http.get(unread, customer).json().get("total").asLong(), "reading the thread clears it");

        assertEquals(201, post(messages, customer, Http.json("body", "Voici la photo.")).status());
        assertEquals(1, inboxUnread(id), "the complainant's reply is unread for the manager");
        assertEquals(1, http.get(unread, manager).json().get("total").asLong());
        assertEquals(0, http.get(unread, customer).json().get("total").asLong(), "and not for its author");
        assertEquals(200, http.get(messages, manager).status());
        assertEquals(0, inboxUnread(id), "the manager read it");

        assertEquals(201, post(messages, manager, Http.json("body", "Merci, nous regardons.")).status());
        assertEquals(201, post(messages, manager, Http.json("body", "Le remboursement est parti.")).status());
        assertEquals(200, http.get(messages + "?size=2", customer).status());
        assertEquals(2, http.get(unread, customer).json().get("total").asLong(), "the first page showed none of the new ones");
        assertEquals(200, http.get(messages + "?size=3", customer).status());
        assertEquals(1, http.get(unread, customer).json().get("total").asLong(), "three messages shown: one of the new ones");
        assertEquals(200, http.get(messages + "?size=1", customer).status());
        assertEquals(1, http.get(unread, customer).json().get("total").asLong(), "an older page read again moves nothing back");
        assertEquals(200, http.get(messages + "?page=2&size=2", customer).status());
        assertEquals(0, http.get(unread, customer).json().get("total").asLong(), "the last page showed the newest");

        long brandId = server.core.brands.find("demo").orElseThrow().id();
        long customerId = http.get(DEMO + "/me", customer).json().get("id").asLong();
        Object reads = plugin.personalData.export(brandId, customerId).get("messageReads");
        assertTrue(reads instanceof List<?> l && l.size() == 1 && l.toString().contains("complaintId=" + id),
            "the export gives the complainant's read mark: " + reads);
        plugin.personalData.erase(brandId, customerId);
        assertEquals(0, count("SELECT COUNT(*) FROM lm_message_read WHERE user_id = ?", customerId), "erased with the account");
        assertEquals(1, count("SELECT COUNT(*) FROM lm_message_read WHERE user_id = ?", managerId), "the manager's stays");
    }

    @Test
    void theHeaderTotalCountsTheUnreadMessagesOfEveryThreadOfTheMember() {
        String total = DEMO + "/me/unread-messages";
        long first = complain("LYON-PARTDIEU", "Ticket perdu");
        long second = complain("LYON-PARTDIEU", "Caisse trop lente");
        assertEquals(0, http.get(total, customer).json().get("total").asLong(), "nothing written yet");
        assertEquals(201, post(DEMO + "/complaints/" + first + "/messages", manager, Http.json("body", "Quel jour ?")).status());
        assertEquals(201, post(DEMO + "/complaints/" + second + "/messages", manager, Http.json("body", "Quelle caisse ?")).status());
        assertEquals(201, post(DEMO + "/complaints/" + second + "/messages", manager, Http.json("body", "Et à quelle heure ?")).status());

        JsonNode mine = http.get(total, customer).json();
        assertEquals(3, mine.get("total").asLong(), "the store's three messages in two threads: " + mine);
        assertEquals(3, mine.get("asComplainant").asLong(), mine.toString());
        assertEquals(0, mine.get("asManager").asLong(), mine.toString());
        assertEquals(0, http.get(total, manager).json().get("total").asLong(), "one's own messages are never unread");

        assertEquals(201, post(DEMO + "/complaints/" + first + "/messages", customer, Http.json("body", "Mardi.")).status());
        JsonNode theirs = http.get(total, manager).json();
        assertEquals(1, theirs.get("total").asLong(), "the complainant's reply waits for the assigned manager: " + theirs);
        assertEquals(1, theirs.get("asManager").asLong(), theirs.toString());
        for (String outsider : List.of(member("passant@demo.example", "Passant").token(), backup, admin)) {
            assertEquals(0, http.get(total, outsider).json().get("total").asLong(), "no party of the threads: nothing");
        }
        assertProblem(401, http.get(total, null), "members only");

        assertEquals(200, http.get(DEMO + "/complaints/" + second + "/messages", customer).status());
        assertEquals(1, http.get(total, customer).json().get("total").asLong(), "reading a thread takes its messages off");
        long message = count("SELECT MAX(id) FROM lm_message WHERE complaint_id = ? AND author_id = ?", first, managerId);
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE lm_message SET hidden_at = CURRENT_TIMESTAMP WHERE id = ?", message));
        assertEquals(0, http.get(total, customer).json().get("total").asLong(), "a message removed by moderation is not unread");

        // the query reads the member's assignments from an index for each role, however many complaints the brand has
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        String plan = unreadTotalPlan(brandId, managerId, true);
        for (String index : List.of("lm_assignment_complainant_ix", "lm_assignment_inbox_ix", "lm_assignment_escalated_ix",
            "lm_assignment_level_ix")) {
            assertTrue(plan.contains(index), "each branch reads its index of assignments, " + index + ": " + plan);
        }
    }

    /** The plan of the header's unread total for a member (a brand admin or not), table scans refused on PostgreSQL. */
    private String unreadTotalPlan(long brandId, long userId, boolean brandAdmin) {
        String sql = org.entraide.localmanagers.internal.web.PrivateEndpoints.unreadTotalSql(brandAdmin);
        List<Object> params = new ArrayList<>(List.of(userId, userId, brandId, userId, userId, userId, brandId, userId, brandId,
            userId, userId, userId));
        if (brandAdmin) {
            params.addAll(List.of(userId, brandId, userId));
        }
        for (Object p : params) {
            sql = sql.replaceFirst("\\?", String.valueOf(p));
        }
        String explain = sql;
        return server.core.db.inTransaction(c -> {
            if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                // test tables are small enough for a sequential scan to win: the plan of a large table is wanted
                Sql.update(c, "SET LOCAL enable_seqscan = off");
            }
            return String.join("\n", Sql.list(c, "EXPLAIN " + explain, rs -> rs.getString(1)));
        }).toLowerCase();
    }

    /**
     * A region's managers and the central team count the unread messages of the threads they became parties of (the
     * complaint escalated to the region, or at the central team) in their header's total, while the complaint is open;
     * another region's managers and the brand's admins before the central team count nothing.
     */
    @Test
    void theRegionsAndTheCentralTeamsThreadsCountInTheirUnreadTotalsWhileOpen() {
        Member sudEst = member("sud-est@demo.example", "Direction-Sud-Est");
        Member nord = member("nord@demo.example", "Direction-Nord");
        assertEquals(200, http.put(DEMO + "/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":[" + sudEst.id() + "]}")
            .status());
        assertEquals(200, http.put(DEMO + "/regions/NORD", admin, "{\"name\":\"Nord\",\"managers\":[" + nord.id() + "]}").status());
        assertEquals(200, http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ",\"region\":\"SUD-EST\","
            + "\"managers\":[" + managerId + "," + backupId + "]}").status());
        String total = DEMO + "/me/unread-messages";
        long routed = complain("LYON-PARTDIEU", "Colis jamais livré");
        long handed = complain("LYON-PARTDIEU", "Litige sur une garantie");
        assertEquals(200, post(DEMO + "/complaints/" + handed + "/handover", manager, "{\"reason\":\"Décision du siège\"}").status());
        for (long id : List.of(routed, handed)) {
            assertEquals(201, post(DEMO + "/complaints/" + id + "/messages", customer, Http.json("body", "Toujours rien ?")).status());
        }
        assertEquals(0, http.get(total, sudEst.token()).json().get("total").asLong(), "not the region's yet");
        JsonNode central = http.get(total, admin).json();
        assertEquals(1, central.get("total").asLong(), "the handed-over complaint is the central team's: " + central);
        assertEquals(1, central.get("asManager").asLong(), central.toString());
        assertEquals(1, central.get("asCentralTeam").asLong(), central.toString());

        clock.set(Instant.parse("2026-11-26T17:00:00Z")); // Thursday 18:00 Paris: the store's deadline passed
        plugin.deadlines.run(100);
        JsonNode region = http.get(total, sudEst.token()).json();
        assertEquals(1, region.get("total").asLong(), "escalated: the region's manager is a party now: " + region);
        assertEquals(1, region.get("asManager").asLong(), region.toString());
        assertEquals(0, region.get("asCentralTeam").asLong(), region.toString());
        assertEquals(0, http.get(total, nord.token()).json().get("total").asLong(), "another region's manager");
        assertEquals(0, http.get(total, backup).json().get("total").asLong(), "a manager of the store it is not assigned to");
        String ids = DEMO + "/complaint-unread?ids=" + routed + "," + handed;
        JsonNode perComplaint = http.get(ids, sudEst.token()).json();
        assertEquals(1, perComplaint.get("items").size(), "the lists beside each complaint count the same: " + perComplaint);
        assertEquals(routed, perComplaint.get("items").get(0).get("complaintId").asLong());
        JsonNode inbox = http.get(DEMO + "/managers/me/complaints", sudEst.token()).json().get("items");
        Map<Long, Long> besides = new java.util.HashMap<>();
        inbox.forEach(i -> besides.put(i.get("complaintId").asLong(), i.get("unreadMessages").asLong()));
        assertEquals(Map.of(routed, 1L, handed, 0L), besides, "the region's inbox says so beside the escalated complaint, "
            + "not beside the one handed over to the central team, whose thread is not the region's: " + inbox);
        assertEquals(200, http.get(DEMO + "/complaints/" + routed + "/messages", sudEst.token()).status());
        assertEquals(0, http.get(total, sudEst.token()).json().get("total").asLong(), "read by the region's manager");
        assertEquals(2, http.get(total, manager).json().get("total").asLong(), "the assigned manager (of both) has their own marks");

        assertEquals(200, http.get(DEMO + "/complaints/" + handed + "/messages", admin).status());
        assertEquals(0, http.get(total, admin).json().get("total").asLong(), "read by the central team");
        assertEquals(201, post(DEMO + "/complaints/" + handed + "/messages", customer, Http.json("body", "Alors ?")).status());
        assertEquals(1, http.get(total, admin).json().get("total").asLong());
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE lm_assignment SET closed_at = ? WHERE complaint_id = ?",
            clock.instant(), handed));
        assertEquals(0, http.get(total, admin).json().get("total").asLong(), "a closed complaint waits for nobody");
    }

    @Test
    void theInboxPagesByACursorOfTheManagerInItsOrder() {
        List<Long> filed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            filed.add(complain("LYON-PARTDIEU", "Réclamation " + i));
        }
        // two with the same deadline (the id breaks the tie), and two answered at one time (the deadline orders them)
        server.core.db.inTransaction(c -> {
            Sql.update(c, "UPDATE lm_assignment SET due_at = ? WHERE complaint_id IN (?, ?)", MONDAY_10.plusSeconds(7200),
                filed.get(0), filed.get(1));
            return Sql.update(c, "UPDATE lm_assignment SET responded_at = ? WHERE complaint_id IN (?, ?)", MONDAY_10.plusSeconds(60),
                filed.get(2), filed.get(3));
        });
        String inbox = DEMO + "/managers/me/complaints";
        List<Long> whole = http.get(inbox + "?size=100", manager).json().get("items").findValuesAsText("complaintId").stream()
            .map(Long::valueOf).toList();
        assertEquals(5, whole.size(), whole.toString());
        assertEquals(Set.copyOf(filed.subList(2, 4)), Set.copyOf(whole.subList(3, 5)), "the answered ones last: " + whole);

        Http.Response r = http.get(inbox + "?size=2", manager);
        assertEquals(5, r.json().get("total").asInt(), r.toString());
        List<Long> walked = new ArrayList<>();
        String first = r.json().get("next").asText();
        assertTrue(r.header("Link").contains("after=" + first + ">; rel=\"next\""), "linked: " + r.header("Link"));
        while (true) {
            r.json().get("items").forEach(i -> walked.add(i.get("complaintId").asLong()));
            if (r.json().get("next").isNull()) {
                break;
            }
            r = http.get(inbox + "?size=2&after=" + r.json().get("next").asText(), manager);
            assertEquals(200, r.status(), r.toString());
            assertTrue(r.json().get("total").isNull(), "nothing counted after a cursor: " + r.json());
        }
        assertEquals(whole, walked, "the cursors walk the inbox in its order, each complaint once");

        assertProblem(400, http.get(inbox + "?size=2&after=" + first, backup), "another manager's cursor");
        String tampered = first.substring(0, first.length() - 2) + (first.charAt(first.length() - 2) == 'A' ? 'B' : 'A')
            + first.charAt(first.length() - 1);
        assertProblem(400, http.get(inbox + "?size=2&after=" + tampered, manager), "an altered cursor");
        assertProblem(400, http.get(inbox + "?page=2&after=" + first, manager), "a page and a cursor");

        // the manager's own complaints after a cursor are one range of the inbox index, however many they have
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        String sql = org.entraide.localmanagers.internal.web.InboxEndpoints.planOfPageAfter(brandId, managerId,
            MONDAY_10.plusSeconds(7200), filed.get(0));
        String plan = server.core.db.inTransaction(c -> {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                // H2 chooses among indexes by its estimates of a five-row table; PostgreSQL's plan is the one that matters
                return "lm_assignment_inbox_ix (not checked on H2)";
            }
            Sql.update(c, "SET LOCAL enable_seqscan = off");
            return String.join("\n", Sql.list(c, "EXPLAIN " + sql, rs -> rs.getString(1)));
        }).toLowerCase();
        assertTrue(plan.contains("lm_assignment_inbox_ix"), "the manager's branch reads its index: " + plan);
    }

    /** The manager's unread messages for that complaint, as the inbox gives them. */
    private long inboxUnread(long complaintId) {
        for (JsonNode item : http.get(DEMO + "/managers/me/complaints", manager).json().get("items")) {
            if (item.get("complaintId").asLong() == complaintId) {
                return item.get("unreadMessages").asLong();
            }
        }
        throw new AssertionError("complaint " + complaintId + " is not in the manager's inbox");
    }

    @Test
    void aComplainantReopensWithinThirtyDaysAndTheStoreHasANewDeadline() {
        long id = complain("LYON-PARTDIEU", "Réparation ratée");
        String reopen = DEMO + "/complaints/" + id + "/reopening";
        assertEquals(409, post(reopen, customer, "{}").status(), "not evaluated yet");
        assertEquals(201, post(DEMO + "/complaints/" + id + "/responses", manager, Http.json("body", "Nous reprenons la réparation.")).status());
        assertEquals(200, post(DEMO + "/complaints/" + id + "/resolution", customer,
            "{\"resolved\":true,\"rating\":7,\"wouldBuyAgain\":true}").status());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND evaluated_at IS NOT NULL", id) == 1);
        assertEquals(403, post(reopen, manager, "{}").status(), "the complainant only");
        Http.Response reopened = post(reopen, customer, "{}");
        assertEquals(200, reopened.status(), reopened.toString());
        assertEquals("OPEN", reopened.json().get("status").asText());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NULL AND evaluated_at IS NULL", id) == 1);
        assertTrue(http.get(DEMO + "/complaints/" + id + "/timeline", null).raw().body().contains("rouverte par son auteur"));
        assertEquals(1, http.get(DEMO + "/managers/me/complaints", manager).json().get("items").size(), "back in the inbox");
        assertEquals(409, post(reopen, customer, "{}").status(), "open already");
    }

    /** Another brand with local managers on, its admin and one store: the ids a request must not reach from demo. */
    private record OtherBrand(long adminId, String admin) {
    }

    private OtherBrand otherBrand() {
        var brand = server.core.administration.createBrand("autre", "Autre Maison", "admin@autre.example", DemoSeeder.PASSWORD,
            "Equipe-Autre");
        String token = server.core.accounts.login("autre", "admin@autre.example", DemoSeeder.PASSWORD).token();
        server.core.administration.saveStore(server.core.accounts.authenticate("Bearer " + token).orElseThrow(), brand,
            new org.entraide.core.internal.brand.BrandAdministration.StoreData("AUTRE-NANTES", "Nantes", "Nantes", "44000",
                47.2, -1.55));
        assertEquals(200, http.put("/api/v1/brands/autre/features", token, "{\"local-managers\":true}").status());
        long id = http.get("/api/v1/brands/autre/me", token).json().get("id").asLong();
        return new OtherBrand(id, token);
    }

    @Test
    void idsOfAnotherBrandAre404AndChangeNothing() {
        OtherBrand other = otherBrand();
        long id = complain("LYON-PARTDIEU", "Ticket de caisse illisible");
        String week = "\"from\":\"2026-11-23T00:00:00Z\",\"to\":\"2026-11-30T00:00:00Z\"";
        assertProblem(404, post(DEMO + "/managers/absences", admin, "{\"userId\":" + other.adminId() + "," + week + "}"),
            "another brand's manager is nobody here");
        assertEquals(0, count("SELECT COUNT(*) FROM lm_absence"), "no absence recorded");
        assertProblem(404, http.put(DEMO + "/regions/OUEST", admin, "{\"name\":\"Ouest\",\"managers\":[" + other.adminId() + "]}"),
            "a region manager of another brand");
        assertEquals(0, count("SELECT COUNT(*) FROM lm_region"), "no region created");
        assertProblem(404, http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ",\"managers\":["
            + other.adminId() + "]}"), "a store manager of another brand");
        assertEquals(2, count("SELECT COUNT(*) FROM lm_store_manager"), "the store keeps its two managers");
        assertEquals(200, http.put("/api/v1/brands/autre/regions/LOIRE", other.admin(), "{\"name\":\"Loire\"}").status());
        assertProblem(404, http.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{" + STANDARD_HOURS + ",\"region\":\"LOIRE\"}"),
            "another brand's region");
        assertProblem(404, http.put(DEMO + "/stores/AUTRE-NANTES/settings", admin, "{" + STANDARD_HOURS + "}"),
            "another brand's store in the path");
        assertProblem(404, post(DEMO + "/complaints/" + id + "/delegation", manager,
            "{\"storeCode\":\"AUTRE-NANTES\",\"reason\":\"Ailleurs\"}"), "another brand's store in the body");
        assertEquals(managerId, count("SELECT manager_id FROM lm_assignment WHERE complaint_id = ?", id), "still with the store");
        assertEquals(1, count("SELECT COUNT(*) FROM lm_store WHERE region_id IS NULL"), "the store has no region");
        String autre = "/api/v1/brands/autre/complaints/" + id;
        assertProblem(404, http.get(autre + "/timeline", null), "demo's complaint under another brand's URL");
        assertProblem(404, http.get(autre + "/complainant", other.admin()), "demo's complaint under another brand's URL");
        assertProblem(404, http.get(autre + "/messages", other.admin()), "demo's complaint under another brand's URL");
        assertProblem(404, post(autre + "/handover", other.admin(), "{\"reason\":\"Siège\"}"), "demo's complaint elsewhere");
        assertEquals(0, count("SELECT COUNT(*) FROM lm_assignment WHERE level = 'CENTRAL'"), "not handed over");
    }

    @Test
    void badBodiesAreProblemsNamingTheFieldNeverA500() {
        String settings = DEMO + "/stores/LYON-PARTDIEU/settings";
        Http.Response noHours = http.put(settings, admin, "{\"timeZone\":\"Europe/Paris\"}");
        assertProblem(400, noHours, "settings without hours");
        assertEquals("hours", noHours.json().get("errors").get(0).get("field").asText(), noHours.toString());
        assertEquals(200, http.put(settings, admin, "{" + STANDARD_HOURS + ",\"closures\":null}").status(),
            "no closures is no closure day");
        Http.Response unknown = http.put(settings, admin, "{" + STANDARD_HOURS + ",\"hollidays\":[]}");
        assertProblem(400, unknown, "an unknown field");
        assertEquals("hollidays", unknown.json().get("errors").get(0).get("field").asText(), unknown.toString());
        assertProblem(400, http.put(settings, admin, "{" + STANDARD_HOURS + ",\"managers\":\"all\"}"), "a wrong type");
        assertProblem(400, http.put(settings, admin, "{\"hours\":{\"MONDAY\":[null]}}"), "a null interval");
        assertProblem(400, http.put(settings, admin, "[]"), "not an object");
        Http.Response zone = http.put(settings, admin, "{" + STANDARD_HOURS.replace("Europe/Paris", "Mars/Olympus") + "}");
        assertProblem(400, zone, "an unknown time zone");
        assertEquals("timeZone", zone.json().get("errors").get(0).get("field").asText(), zone.toString());
        Http.Response closure = http.put(settings, admin, "{" + STANDARD_HOURS + ",\"closures\":[\"Noël\"]}");
        assertEquals("closures", closure.json().get("errors").get(0).get("field").asText(), closure.toString());
        assertProblem(400, http.put(settings, admin, "{\"hours\":{\"MONDAY\":[\"19:00-09:00\"]}}"), "an interval backwards");
        assertProblem(400, post(DEMO + "/managers/absences", manager, "{\"from\":\"2026-11-23T00:00:00Z\"}"), "no end");
        assertProblem(400, http.put(DEMO + "/regions/SUD", admin, "{\"managers\":[]}"), "a region without a name");
        assertProblem(400, http.put(DEMO + "/managers/deadlines", admin, "{\"firstResponse\":2}"), "a misspelt field");
        assertProblem(400, http.put(DEMO + "/rankings/formula", admin, "{\"response\":\"1\"}"), "a weight as text");
        assertProblem(400, post(DEMO + "/stores/import", admin, "{\"csv\":12}"), "a CSV as a number");
        assertEquals(2, count("SELECT COUNT(*) FROM lm_store_manager"), "nothing stored was lost");
    }

    @Test
    void unknownIdsAre404UnknownQueryParametersAre400AndListsArePaged() {
        assertProblem(404, http.get(DEMO + "/complaints/999999/timeline", null), "no such complaint");
        assertProblem(404, http.get(DEMO + "/complaints/999999/messages", customer), "no such complaint");
        assertProblem(404, http.get(DEMO + "/complaints/999999/complainant", manager), "no such complaint");
        assertProblem(404, post(DEMO + "/complaints/999999/handover", manager, "{\"reason\":\"Siège\"}"), "no such complaint");
        assertProblem(404, post(DEMO + "/complaints/999999/delegation", manager,
            "{\"storeCode\":\"PARIS-BERCY\",\"reason\":\"Ailleurs\"}"), "no such complaint");
        assertProblem(404, http.put(DEMO + "/stores/NOWHERE/settings", admin, "{" + STANDARD_HOURS + "}"), "no such store");
        assertProblem(404, http.get(DEMO + "/managers/identity-access?complaintId=999999", admin), "no such complaint");
        Http.Response misspelt = http.get(DEMO + "/managers/me/complaints?pgae=2", manager);
        assertProblem(400, misspelt, "a misspelt query parameter");
        assertEquals("pgae", misspelt.json().get("errors").get(0).get("field").asText());
        assertProblem(400, http.get(DEMO + "/rankings/stores?period=30d&sort=score", null), "an unknown parameter");

        complain("LYON-PARTDIEU", "Première réclamation");
        complain("LYON-PARTDIEU", "Deuxième réclamation");
        JsonNode page = http.get(DEMO + "/managers/me/complaints?page=2&size=1", manager).json();
        assertEquals(2, page.get("total").asInt(), page.toString());
        assertEquals(2, page.get("page").asInt());
        assertEquals(1, page.get("size").asInt());
        assertEquals(1, page.get("items").size());
        for (String list : List.of("/stores/search?q=lyon", "/rankings/stores")) {
            JsonNode l = http.get(DEMO + list, null).json();
            assertTrue(l.has("items") && l.has("total") && l.has("page") && l.has("size"), list + ": " + l);
        }
    }

    @Test
    void onlyTheTwoPartiesReadPrivateMessagesAndAdminsReadTheRevealLog() {
        long id = complain("LYON-PARTDIEU", "Échange privé");
        String messages = DEMO + "/complaints/" + id + "/messages";
        assertEquals(201, post(messages, manager, Http.json("body", "Votre numéro de commande ?")).status());
        assertProblem(403, http.get(messages, admin), "a brand admin does not read the parties' messages");
        assertProblem(403, post(messages, admin, Http.json("body", "Le siège s'en mêle")), "nor writes in them");
        JsonNode read = http.get(messages, customer).json();
        assertEquals(1, read.get("total").asInt(), read.toString());

        String log = DEMO + "/managers/identity-access";
        assertEquals(0, http.get(log, admin).json().get("total").asInt(), "nobody read it yet");
        assertEquals(200, http.get(DEMO + "/complaints/" + id + "/complainant", manager).status());
        assertEquals(200, http.get(DEMO + "/complaints/" + id + "/complainant", manager).status());
        JsonNode entries = http.get(log + "?size=1", admin).json();
        assertEquals(2, entries.get("total").asInt(), entries.toString());
        JsonNode last = entries.get("items").get(0);
        assertEquals(id, last.get("complaintId").asLong());
        assertEquals(managerId, last.get("readerId").asLong());
        assertEquals("LYON-PARTDIEU", last.get("store").asText());
        assertFalse(entries.toString().contains("customer@demo.example"), "the log never names the complainant");
        assertEquals(2, http.get(log + "?complaintId=" + id, admin).json().get("total").asInt());
        assertProblem(403, http.get(log, manager), "brand admins only");
        String shell = org.entraide.localmanagers.internal.shell.Console.identityAccess(plugin, "demo", null);
        assertTrue(shell.contains("2 reading(s) in all") && shell.contains("#" + managerId) && shell.contains("LYON-PARTDIEU"),
            "the shell command lists the same log: " + shell);
        assertFalse(shell.contains("customer@demo.example"), shell);
        assertTrue(org.entraide.localmanagers.internal.shell.Console.identityAccess(plugin, "nowhere", null)
            .contains("No brand 'nowhere'"));
        otherBrand();
        String elsewhere = org.entraide.localmanagers.internal.shell.Console.identityAccess(plugin, "autre", id);
        assertTrue(elsewhere.contains("no complaint " + id), "demo's complaint is none in another brand: " + elsewhere);
    }

    /**
     * Karaf and the tests wire the plugin alike: the services its Declarative Services components provide (read from
     * the descriptors bnd generated) are exactly the kinds of {@code services()}, which these tests install, and the
     * manifest declares no service by hand.
     */
    @Test
    void theComponentsProvideWhatTheTestsInstall() throws Exception {
        java.util.Set<String> provided = org.entraide.core.internal.support.ComponentDescriptors.provided();
        assertTrue(provided.remove(LocalManagersComponent.class.getName()), "the plugin's own object, shared by its components");
        assertEquals(java.util.Set.of("org.apache.camel.RoutesBuilder", "org.entraide.api.plugin.Capability",
            "org.entraide.api.plugin.EventSubscriber", "org.entraide.api.plugin.OfficialResponders",
            "org.entraide.api.localmanagers.PrivateMessages", "org.entraide.api.metrics.MetricSource", "org.entraide.api.privacy.PersonalData",
            "org.entraide.api.localmanagers.Regions", "org.entraide.api.localmanagers.Assignments"), provided);
        assertEquals(provided, org.entraide.core.internal.support.ComponentDescriptors.kinds(plugin.services(), provided),
            "every kind the components provide is listed, and installed by the tests");
        assertFalse(org.entraide.core.internal.support.ComponentDescriptors.declaredByHand(plugin.getClass()),
            "no service declared by hand");
    }

    /** The routes component adds the same routes as the tests install from {@code services()}, as Karaf adds them. */
    @Test
    void theRoutesComponentAddsEveryRouteOfThePlugin() throws Exception {
        LocalManagersRoutes component = new LocalManagersRoutes();
        component.main = LocalManagersComponent.running(plugin);
        component.activate();
        try (org.apache.camel.impl.DefaultCamelContext karaf = new org.apache.camel.impl.DefaultCamelContext();
             org.apache.camel.impl.DefaultCamelContext tests = new org.apache.camel.impl.DefaultCamelContext()) {
            karaf.addRoutes(component);
            for (Object service : plugin.services()) {
                if (service instanceof org.apache.camel.RoutesBuilder r) {
                    tests.addRoutes(r);
                }
            }
            Set<String> added = new java.util.TreeSet<>();
            karaf.getRouteDefinitions().forEach(r -> added.add(r.getRouteId()));
            Set<String> installed = new java.util.TreeSet<>();
            tests.getRouteDefinitions().forEach(r -> installed.add(r.getRouteId()));
            assertEquals(installed, added);
            assertTrue(added.contains("localmanagers.route") && added.contains("managers.inbox"), added.toString());
        }
    }
}
