package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consoles and the ranking pages with the real capability plugins enabled for the demo brand. */
abstract class ConsoleScenarios extends WebTestBase {
    String admin;

    ConsoleScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void plugins() throws Exception {
        Plugins.localManagers(server);
        admin = community.demo("admin").token();
        Http.Response on = http.put("/api/v1/brands/demo/features", admin, "{\"local-managers\":true}");
        assertEquals(200, on.status(), on.toString());
    }

    private Browser signedIn(String who) {
        Browser b = new Browser(server.base());
        HttpResponse<String> r = b.submit("/b/demo/login", "/b/demo/login", Map.of("email", who + "@demo.example",
            "password", DemoSeeder.PASSWORD));
        assertEquals(303, r.statusCode(), r.body());
        return b;
    }

    /** A complaint about the Lyon store, once routed to its manager. */
    private long routedComplaint(String title) {
        long id = community.complain(community.demo("customer"), "demo", title, "The shelf was empty all week.", "LYON-PARTDIEU", false)
            .json().get("id").asLong();
        String manager = community.demo("manager").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/managers/me/complaints", manager)
            .json().path("items").findValuesAsText("title").contains(title));
        return id;
    }

    @Test
    void theStoreManagerAnswersFromTheInboxAndAsksDetailsPrivately() {
        long id = routedComplaint("Empty shelf of paint");
        Browser manager = signedIn("manager");
        HttpResponse<String> inbox = manager.get("/b/demo/manager");
        assertEquals(200, inbox.statusCode(), inbox.body());
        assertTrue(inbox.body().contains("href=\"/b/demo/manager/complaints/" + id + "\""), inbox.body());
        assertTrue(inbox.body().contains("Opening time left") && inbox.body().contains("Whole brand"), inbox.body());

        manager.get("/b/demo/manager/complaints/" + id);
        HttpResponse<String> asked = manager.post("/b/demo/manager/complaints/" + id + "/message",
            Map.of("message", "Which colour were you looking for?"));
        assertEquals(303, asked.statusCode(), asked.body());
        assertTrue(manager.get("/b/demo/manager/complaints/" + id).body().contains("Which colour were you looking for?"));
        String publicPage = new Browser(server.base()).get("/b/demo/complaints/" + id).body();
        assertFalse(publicPage.contains("Which colour"), "private messages are never public");

        HttpResponse<String> empty = manager.post("/b/demo/manager/complaints/" + id + "/response", Map.of("body", " "));
        assertEquals(422, empty.statusCode());
        HttpResponse<String> answered = manager.post("/b/demo/manager/complaints/" + id + "/response",
            Map.of("body", "New stock arrives **Thursday**."));
        assertEquals(303, answered.statusCode(), answered.body());
        JsonNode c = community.complaint(null, "demo", id).json();
        assertEquals("ANSWERED", c.get("status").asText());
        assertTrue(c.get("responses").get(0).get("official").asBoolean());
        String answeredPage = new Browser(server.base()).get("/b/demo/complaints/" + id).body();
        assertTrue(answeredPage.contains("Official response — Lyon Part-Dieu store"), answeredPage);

        HttpResponse<String> badHandover = manager.post("/b/demo/manager/complaints/" + id + "/handover", Map.of("reason", ""));
        assertEquals(422, badHandover.statusCode());
        HttpResponse<String> handedOver = manager.post("/b/demo/manager/complaints/" + id + "/handover",
            Map.of("reason", "A head-office supply issue"));
        assertEquals(303, handedOver.statusCode(), handedOver.body());
    }

    @Test
    void theConsoleIsForStoreManagersOnly() {
        Browser customer = signedIn("customer");
        assertEquals(403, customer.get("/b/demo/manager").statusCode());
        assertEquals(303, new Browser(server.base()).get("/b/demo/manager").statusCode(), "visitors sign in first");
        assertFalse(customer.get("/b/demo").body().contains("/b/demo/manager\""), "no console link for a customer");
        assertTrue(signedIn("manager").get("/b/demo").body().contains("href=\"/b/demo/manager\""));
    }

    @Test
    void rankingAndStorePagesArePublicAndFollowTheCapability() {
        long id = routedComplaint("Checkout queue too long");
        HttpResponse<String> ranking = new Browser(server.base()).get("/b/demo/rankings?period=30d");
        assertEquals(200, ranking.statusCode(), ranking.body());
        assertTrue(ranking.body().contains("href=\"/b/demo/stores/LYON-PARTDIEU\"") && ranking.body().contains("Not enough data"),
            ranking.body());
        assertTrue(ranking.body().contains("aria-current=\"page\">30 days"), "the period shown is marked");
        HttpResponse<String> store = new Browser(server.base()).get("/b/demo/stores/LYON-PARTDIEU");
        assertEquals(200, store.statusCode());
        assertTrue(store.body().contains("href=\"/b/demo/complaints/" + id + "\""), store.body());
        assertEquals(404, new Browser(server.base()).get("/b/demo/stores/NOPE").statusCode());
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"local-managers\":false}").status());
        assertEquals(404, new Browser(server.base()).get("/b/demo/rankings").statusCode(), "gone with the capability");
    }
}
