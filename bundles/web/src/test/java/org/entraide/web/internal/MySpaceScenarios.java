package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** "My space": a member's questions, answers, complaints with status and deadline, and follows, with the real plugins. */
abstract class MySpaceScenarios extends WebTestBase {
    MySpaceScenarios(Db db) {
        super(db);
    }

    private Browser signIn(Community.Member m) {
        Browser browser = new Browser(server.base());
        HttpResponse<String> r = browser.submit("/b/demo/login", "/b/demo/login",
            Map.of("email", m.email(), "password", "long-enough-password"));
        assertEquals(303, r.statusCode(), r.body());
        return browser;
    }

    /** Local managers on, and two complaints of the member in the demo manager's store, once they are in the inbox. */
    private long[] twoComplaintsRoutedToTheManager(Community.Member me) throws Exception {
        Plugins.localManagers(server);
        assertEquals(200, http.put("/api/v1/brands/demo/features", community.demo("admin").token(), "{\"local-managers\":true}")
            .status());
        long first = community.complaintId(me, "LYON-PARTDIEU", false);
        long second = community.complaintId(me, "LYON-PARTDIEU", false);
        String manager = community.demo("manager").token();
        Awaitility.await("the complaints reach the store's manager").atMost(Duration.ofSeconds(20)).until(() -> http.get(
            "/api/v1/brands/demo/managers/me/complaints", manager).json().path("items").findValuesAsText("complaintId")
            .containsAll(List.of(String.valueOf(first), String.valueOf(second))));
        return new long[] {first, second};
    }

    @Test
    void aMemberFindsTheirPostsComplaintsWithDeadlinesAndFollows() throws Exception {
        Plugins.localManagers(server);
        Plugins.notifications(server);
        assertEquals(200, http.put("/api/v1/brands/demo/features", community.demo("admin").token(),
            "{\"local-managers\":true,\"notifications\":true}").status());
        var me = community.join("demo");
        var other = community.join("demo");
        long question = community.ask(me, "demo", "Où trouver des joints de robinet ?", "Pour un mitigeur ancien.",
            "bricolage", List.of("plomberie")).json().get("id").asLong();
        long theirs = community.askId(other, "Which glue for tiles?");
        long answer = community.answerId(me, theirs);
        assertEquals(200, community.accept(other, "demo", theirs, answer).status());
        long complaint = community.complaintId(me, "LYON-PARTDIEU", false);
        community.complaintId(other, "PARIS-BERCY", false);
        Awaitility.await("local managers give the complaint a deadline").atMost(Duration.ofSeconds(20)).until(() ->
            http.get("/api/v1/brands/demo/complaints/" + complaint + "/timeline", me.token()).json().path("deadline").isObject());
        assertEquals(200, http.put("/api/v1/brands/demo/me/follows", me.token(),
            Http.json("targetType", "topic", "targetKey", "jardin", "level", "watching")).status());

        Browser browser = signIn(me);
        String space = browser.get("/b/demo/me?lang=fr").body();
        assertTrue(space.contains("<h1>Mon espace</h1>"), space);
        assertTrue(space.contains("href=\"/b/demo/questions/" + question + "\""), "my question");
        assertTrue(space.contains("href=\"/b/demo/questions/" + theirs + "#answer-" + answer + "\">Which glue for tiles?</a>"),
            "my answer, under its question's title");
        String complaints = space.substring(space.indexOf("id=\"complaints\""), space.indexOf("id=\"follows\""));
        assertTrue(complaints.contains("href=\"/b/demo/complaints/" + complaint + "\"") && complaints.contains("Reçue"),
            "my complaint with its status: " + complaints);
        assertTrue(complaints.contains("class=\"meta deadline\""), "and the store's deadline: " + complaints);
        assertFalse(space.contains("Problem at PARIS-BERCY"), "nobody else's complaint");
        // the deadlines of a page of complaints come in one call
        var deadlines = http.get("/api/v1/brands/demo/complaint-deadlines?ids=" + complaint + "," + question + ",999999", me.token());
        assertEquals(200, deadlines.status(), deadlines.toString());
        assertEquals(1, deadlines.json().get("items").size(), "a question or an unknown id has none: " + deadlines);
        assertEquals(complaint, deadlines.json().get("items").get(0).get("complaintId").asLong());
        assertTrue(deadlines.json().get("items").get(0).get("dueAt").asText().endsWith("Z"));
        assertEquals(400, http.get("/api/v1/brands/demo/complaint-deadlines?ids=1;2", me.token()).status());
        assertEquals(400, http.get("/api/v1/brands/demo/complaint-deadlines", me.token()).status());
        assertTrue(space.contains("href=\"/b/demo/topics/jardin\""), "what I follow");
        assertTrue(space.contains("href=\"/b/demo/me/complaints\">Mes réclamations</a>"),
            "the header's \"my complaints\" leads to my space for a complainant");

        String mine = browser.get("/b/demo/me/answers").body();
        assertTrue(mine.contains("Accepted answer") && mine.contains("1 in all"), mine);
        assertEquals(404, browser.get("/b/demo/me/answers?page=2").statusCode());
        assertEquals(303, http.send(http.builder("/b/demo/me", null).GET()).status(), "visitors sign in first");

        var api = http.get("/api/v1/brands/demo/me/posts?type=complaint", me.token());
        assertEquals(1, api.json().get("total").asInt(), api.toString());
        assertEquals("OPEN", api.json().get("items").get(0).get("status").asText());
        assertEquals(401, http.get("/api/v1/brands/demo/me/posts?type=question", null).status());
        assertEquals(400, http.get("/api/v1/brands/demo/me/posts?type=vote", me.token()).status());

        Browser managerBrowser = new Browser(server.base());
        assertEquals(303, managerBrowser.submit("/b/demo/login", "/b/demo/login", Map.of("email", "manager@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        String header = managerBrowser.get("/b/demo?lang=en").body();
        assertTrue(header.contains("href=\"/b/demo/manager\">My complaints</a>") && !header.contains("/b/demo/me/complaints"),
            "a manager's \"my complaints\" stays their inbox");
    }

    @Test
    void theOtherPartysUnreadMessagesShowAsABadgeUntilTheComplaintIsOpened() throws Exception {
        var me = community.join("demo");
        long[] two = twoComplaintsRoutedToTheManager(me);
        long complaint = two[0];
        String manager = community.demo("manager").token();
        String messages = "/api/v1/brands/demo/complaints/" + complaint + "/messages";
        assertEquals(201, http.post(messages, manager, Http.json("body", "Which receipt number?")).status());
        assertEquals(201, http.post(messages, manager, Http.json("body", "And which day?")).status());

        Browser browser = signIn(me);
        String space = browser.get("/b/demo/me?lang=fr").body();
        String mine = space.substring(space.indexOf("href=\"/b/demo/complaints/" + complaint + "\""));
        assertTrue(mine.substring(0, mine.indexOf("</li>")).contains("<strong class=\"badge unread\">2 nouveaux messages</strong>"),
            "the store's two messages are new: " + space);
        assertEquals(1, space.split("badge unread", -1).length - 1, "the complaint without messages has no badge: " + space);
        assertTrue(browser.get("/b/demo/me/complaints?lang=en").body().contains("2 new messages"), "on the complaints' own list too");
        assertTrue(browser.get("/b/demo/complaints/" + complaint).body().contains("And which day?"), "the member opens the complaint");
        assertFalse(browser.get("/b/demo/me?lang=fr").body().contains("badge unread"), "opening it cleared the badge");

        assertEquals(303, browser.post("/b/demo/complaints/" + complaint + "/messages", Map.of("message", "Receipt 4521, on Tuesday."))
            .statusCode());
        assertFalse(browser.get("/b/demo/me?lang=en").body().contains("badge unread"), "one's own reply is not new");
        Browser store = new Browser(server.base());
        assertEquals(303, store.submit("/b/demo/login", "/b/demo/login", Map.of("email", "manager@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        String inbox = store.get("/b/demo/manager?lang=en").body();
        String row = inbox.substring(inbox.indexOf("href=\"/b/demo/manager/complaints/" + complaint + "\""));
        assertTrue(row.substring(0, row.indexOf("</tr>")).contains("<strong class=\"badge unread\">1 new message</strong>"),
            "the complainant's reply is new in the manager's inbox: " + inbox);
        assertTrue(store.get("/b/demo/manager?lang=fr").body().contains("1 nouveau message"));
        assertTrue(store.get("/b/demo/manager/complaints/" + complaint).body().contains("Receipt 4521"), "the manager opens it");
        assertFalse(store.get("/b/demo/manager").body().contains("badge unread"), "and the badge is gone");
    }

    @Test
    void theHeaderCountsUnreadPrivateMessagesOnEveryPageForTheirReaderOnly() throws Exception {
        var me = community.join("demo");
        long[] two = twoComplaintsRoutedToTheManager(me);
        long first = two[0];
        long second = two[1];
        String manager = community.demo("manager").token();
        Browser browser = signIn(me);
        assertFalse(browser.get("/b/demo").body().contains("data-unread-messages"), "nothing unread: no total");
        assertEquals(201, http.post("/api/v1/brands/demo/complaints/" + first + "/messages", manager, Http.json("body", "Which receipt?"))
            .status());
        assertEquals(201, http.post("/api/v1/brands/demo/complaints/" + second + "/messages", manager, Http.json("body", "Which day?"))
            .status());

        for (String page : List.of("/b/demo?lang=fr", "/b/demo/questions?lang=fr", "/b/demo/me/account?lang=fr")) {
            HttpResponse<String> r = browser.get(page);
            assertTrue(r.body().contains("<a href=\"/b/demo/me/complaints\" class=\"messages\"")
                && r.body().contains("data-unread-messages=\"2\">2 nouveaux messages</strong>"),
                "the two threads' messages on " + page + ", leading to my complaints: " + r.body());
            assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("private"), "never in a shared cache");
        }
        assertTrue(browser.get("/b/demo?lang=en").body().contains("Private messages not read yet in your complaints: 2"),
            "its label says what it counts");
        Http.Response visitor = http.send(http.builder("/b/demo", null).GET());
        assertFalse(visitor.raw().body().contains("data-unread-messages"), "a visitor sees no total");
        Browser other = signIn(community.join("demo"));
        assertFalse(other.get("/b/demo").body().contains("data-unread-messages"), "nor another member");

        assertTrue(browser.get("/b/demo/complaints/" + first).body().contains("Which receipt?"), "the member reads one thread");
        assertTrue(browser.get("/b/demo?lang=en").body().contains("data-unread-messages=\"1\">1 new message</strong>"),
            "one left");
        assertEquals(303, browser.post("/b/demo/complaints/" + second + "/messages", Map.of("message", "On Tuesday."))
            .statusCode());
        browser.get("/b/demo/complaints/" + second);
        assertFalse(browser.get("/b/demo").body().contains("data-unread-messages"), "all read: the total is gone");

        Browser store = new Browser(server.base());
        assertEquals(303, store.submit("/b/demo/login", "/b/demo/login", Map.of("email", "manager@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        assertTrue(store.get("/b/demo?lang=en").body().contains("<a href=\"/b/demo/manager\" class=\"messages\""),
            "the complainant's reply waits in the manager's inbox");

        // handed over to the central team: the brand's admins read the thread, their header leads to their dashboard
        Http.Response handed = http.post("/api/v1/brands/demo/complaints/" + second + "/handover", manager,
            "{\"reason\":\"Décision du siège\"}");
        assertEquals(200, handed.status(), handed.toString());
        Browser central = new Browser(server.base());
        assertEquals(303, central.submit("/b/demo/login", "/b/demo/login", Map.of("email", "admin@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        String header = central.get("/b/demo?lang=en").body();
        assertTrue(header.contains("<a href=\"/b/demo/admin/dashboard\" class=\"messages\""),
            "the thread's messages wait for the central team: " + header);
    }
}
