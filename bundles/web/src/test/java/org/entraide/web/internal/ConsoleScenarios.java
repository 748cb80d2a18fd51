package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Plugins.webhooks(server);
        admin = community.demo("admin").token();
        Http.Response on = http.put("/api/v1/brands/demo/features", admin,
            "{\"local-managers\":true,\"moderation\":true,\"reputation\":true,\"badges\":true}");
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
    void onceEscalatedTheRegionsManagerReadsAndWritesThePrivateThreadButNotWhoFiledIt() {
        org.entraide.core.internal.support.Community.Member regional = community.join("demo");
        assertEquals(200, http.put("/api/v1/brands/demo/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":["
            + regional.id() + "]}").status());
        long id = routedComplaint("Paint delivered in the wrong colour");
        assertEquals(200, http.put("/api/v1/brands/demo/stores/LYON-PARTDIEU/settings", admin,
            "{\"hours\":{\"MONDAY\":[\"09:00-19:00\"]},\"region\":\"SUD-EST\"}").status());
        Browser manager = signedIn("manager");
        manager.get("/b/demo/manager/complaints/" + id);
        assertEquals(303, manager.post("/b/demo/manager/complaints/" + id + "/message",
            Map.of("message", "Which colour did you order?")).statusCode());
        Browser region = new Browser(server.base());
        assertEquals(303, region.submit("/b/demo/login", "/b/demo/login", Map.of("email", regional.email(),
            "password", "long-enough-password")).statusCode());
        String page = "/b/demo/manager/complaints/" + id;
        assertFalse(region.get(page).body().contains("Which colour did you order?"), "not before the store's deadline passed");

        // the store's deadline passed: the complaint goes to the store's region (as the plugin's deadlines do)
        server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c,
            "UPDATE lm_assignment SET level = 'REGION', escalated_region = CURRENT_TIMESTAMP WHERE complaint_id = ?", id));
        String console = region.get(page).body();
        assertTrue(console.contains("Which colour did you order?") && console.contains("<strong>The store</strong>"),
            "the region reads the store's message as the store's: " + console);
        assertFalse(console.contains(page + "/complainant\"") || console.contains(page + "/delegation\""),
            "who filed it, delegations and hand-overs stay with the assigned manager: " + console);
        assertEquals(303, region.post(page + "/message", Map.of("message", "The region takes over: a new pot leaves today."))
            .statusCode());
        assertTrue(signedIn("customer").get("/b/demo/complaints/" + id).body().contains("The region takes over"),
            "the complainant reads it");
        String storeSide = manager.get(page).body();
        assertTrue(storeSide.contains("The region takes over") && storeSide.contains(page + "/complainant\""),
            "the assigned manager reads it and keeps their tools: " + storeSide);
        assertEquals(403, http.get("/api/v1/brands/demo/complaints/" + id + "/messages", community.demo("lucas").token()).status(),
            "nobody else reads the thread");
    }

    @Test
    void handedOverToTheCentralTeamTheBrandAdminReadsAndWritesThePrivateThreadFromTheDashboard() {
        long id = routedComplaint("Warranty refused on a drill");
        Browser manager = signedIn("manager");
        String page = "/b/demo/manager/complaints/" + id;
        manager.get(page);
        assertEquals(303, manager.post(page + "/message", Map.of("message", "Do you still have the receipt?")).statusCode());
        Browser central = signedIn("admin");
        assertFalse(central.get(page).body().contains("Do you still have the receipt?"),
            "not the central team's thread while the store handles it");

        manager.get(page);
        assertEquals(303, manager.post(page + "/handover", Map.of("reason", "A warranty decision for head office")).statusCode());
        server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c,
            "UPDATE lm_assignment SET due_at = ? WHERE complaint_id = ?", java.time.Instant.parse("2001-01-01T00:00:00Z"), id));
        String dashboard = central.get("/b/demo/admin/dashboard").body();
        assertTrue(dashboard.contains("href=\"" + page + "\""), "the late complaint opens in the console: " + dashboard);
        String console = central.get(page).body();
        assertTrue(console.contains("Do you still have the receipt?") && console.contains("<strong>The store</strong>"),
            "the central team reads the store's message as the store's: " + console);
        assertFalse(console.contains(page + "/complainant\"") || console.contains(page + "/delegation\""),
            "who filed it, delegations and hand-overs stay with the assigned manager: " + console);
        assertEquals(303, central.post(page + "/message", Map.of("message", "Head office replaces your drill.")).statusCode());
        assertTrue(signedIn("customer").get("/b/demo/complaints/" + id).body().contains("Head office replaces your drill."),
            "the complainant reads it");
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
        Browser customer = signedIn("customer");
        String mine = customer.get("/b/demo/complaints/" + id).body();
        assertTrue(mine.contains("The store is due to answer by") && mine.contains("sent to the store"), "timeline and deadline: " + mine);
        assertTrue(mine.contains("Which colour were you looking for?"), "the complainant reads the store's question: " + mine);
        HttpResponse<String> replied = customer.post("/b/demo/complaints/" + id + "/messages", Map.of("message", "Sky blue, satin finish."));
        assertEquals(303, replied.statusCode(), replied.body());
        assertTrue(manager.get("/b/demo/manager/complaints/" + id).body().contains("Sky blue, satin finish."), "and the store reads the answer");
        assertFalse(new Browser(server.base()).get("/b/demo/complaints/" + id).body().contains("Sky blue"), "never public");
        assertEquals(403, signedIn("lucas").post("/b/demo/complaints/" + id + "/messages", Map.of("message", "Me too")).statusCode(),
            "nobody else writes there");

        String before = manager.get("/b/demo/manager/complaints/" + id).body();
        assertFalse(before.contains("customer@demo.example"), "the e-mail only on request");
        HttpResponse<String> shown = manager.post("/b/demo/manager/complaints/" + id + "/complainant", Map.of());
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("customer@demo.example"), "the assigned manager reads it: " + shown.body());
        assertEquals(303, manager.post("/b/demo/manager/complaints/" + id + "/moderation-request",
            Map.of("category", "not-about-store", "detail", "Achat fait sur le site")).statusCode());
        assertEquals(422, manager.post("/b/demo/manager/complaints/" + id + "/moderation-request", Map.of("category", "delete-it"))
            .statusCode());
        assertEquals(422, manager.post("/b/demo/manager/absences", Map.of("from", "tomorrow", "to", "")).statusCode());
        HttpResponse<String> away = manager.post("/b/demo/manager/absences", Map.of("from", "2030-07-01", "to", "2030-07-14"));
        assertEquals(303, away.statusCode(), away.body());
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
    void anIncidentsPageShowsItsSanitizedStatementAndCountsToEveryoneAndFollowsTheCapability() throws Exception {
        Plugins.incidents(server);
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"incidents\":true}").status());
        Http.Response declared = http.post("/api/v1/brands/demo/incidents", admin,
            "{\"title\":\"Payment outage\",\"theme\":[\"payment outage\"],\"stores\":[\"LYON-PARTDIEU\"]}");
        long id = declared.json().get("id").asLong();
        long complaint = routedComplaint("Payment outage at the till");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            http.get("/api/v1/brands/demo/incidents/" + id, null).json().path("items").asLong() == 1);
        assertEquals(201, http.post("/api/v1/brands/demo/incidents/" + id + "/statements", admin,
            "{\"body\":\"Our **card terminals** are down.<script>alert(1)</script>\"}").status());

        HttpResponse<String> page = new Browser(server.base()).get("/b/demo/incidents/" + id + "?lang=en");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<strong>card terminals</strong>") && !page.body().contains("<script>alert"),
            "the statement, sanitized: " + page.body());
        assertTrue(page.body().contains("Official statement") && page.body().contains("href=\"/b/demo/stores/LYON-PARTDIEU\""),
            page.body());
        assertTrue(page.body().contains("1 questions and complaints, 1 of them complaints."), page.body());
        assertFalse(page.body().contains(community.demo("customer").pseudonym()), "no member is named");
        String pinned = new Browser(server.base()).get("/b/demo/complaints/" + complaint + "?lang=en").body();
        assertTrue(pinned.contains("href=\"/b/demo/incidents/" + id + "\"") && pinned.contains("<strong>card terminals</strong>"),
            "the statement is pinned on the attached complaint: " + pinned);
        assertTrue(new Browser(server.base()).get("/b/demo/stores/LYON-PARTDIEU").body().contains("/b/demo/incidents/" + id),
            "and on the affected store's page");
        assertFalse(new Browser(server.base()).get("/b/demo/stores/PARIS-BERCY").body().contains("/b/demo/incidents/" + id),
            "not on another store's");
        assertTrue(new Browser(server.base()).get("/b/demo").body().contains("/b/demo/incidents/" + id), "and on the brand home");
        String fr = new Browser(server.base()).get("/b/demo/incidents/" + id + "?lang=fr").body();
        assertTrue(fr.contains("Message officiel et mises à jour"), fr);
        assertEquals(404, new Browser(server.base()).get("/b/demo/incidents/999999").statusCode());
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"incidents\":false}").status());
        assertEquals(404, new Browser(server.base()).get("/b/demo/incidents/" + id).statusCode(), "gone with the capability");
        assertTrue(complaint > 0);
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

    @Test
    void thanksToAStoreTeamAreShownBesideItsComplaintsInTheRankingAndOnItsPage() throws Exception {
        Plugins.channels(server);
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"channels\":true}").status());
        routedComplaint("Checkout queue too long again");
        for (int i = 0; i < 2; i++) {
            assertEquals(201, http.post("/api/v1/brands/demo/stores/LYON-PARTDIEU/thanks", null, "{\"source\":\"qr\"}").status());
        }
        Awaitility.await("the thanks in the store's figures").atMost(Duration.ofSeconds(20)).until(() ->
            http.get("/api/v1/brands/demo/rankings/brand?period=30d", null).json().path("brand").path("thanks").asInt() == 2);
        String lyonRow = "<a href=\"/b/demo/stores/LYON-PARTDIEU\">Lyon Part-Dieu</a></th>\n  <td>1</td>\n  <td>2</td>";
        String en = new Browser(server.base()).get("/b/demo/rankings?period=30d").body();
        assertTrue(en.contains("<th scope=\"col\">Complaints</th><th scope=\"col\">Thanks</th>"), en);
        assertTrue(en.contains(lyonRow), "1 complaint, 2 thanks: " + en);
        Http.Response fr = http.send(http.builder("/b/demo/rankings?period=30d", null).header("Accept-Language", "fr").GET());
        assertTrue(fr.raw().body().contains("<th scope=\"col\">Remerciements</th>"), fr.raw().body());
        String store = new Browser(server.base()).get("/b/demo/stores/LYON-PARTDIEU?period=30d").body();
        assertTrue(store.contains("<td>1</td>\n  <td>2</td>"), "the store's own figures too: " + store);
    }

    @Test
    void eachPartyReportsTheOtherPartysMessageFromItsPageOnceWithAConfirmation() {
        long id = routedComplaint("Report from the pages");
        String messages = "/api/v1/brands/demo/complaints/" + id + "/messages";
        Http.Response sent = http.post(messages, community.demo("manager").token(), Http.json("body", "Your receipt, or nothing."));
        assertEquals(201, sent.status(), sent.toString());
        long fromStore = sent.json().get("id").asLong();
        Browser customer = signedIn("customer");
        String page = customer.get("/b/demo/complaints/" + id).body();
        String action = "/b/demo/complaints/" + id + "/messages/" + fromStore + "/report";
        assertTrue(page.contains("action=\"" + action + "\"") && page.contains("Report this message"), page);
        assertTrue(customer.get("/b/demo/complaints/" + id + "?lang=fr").body().contains("Signaler ce message"), "in French too");

        assertEquals(422, customer.post(action, Map.of("reason", "")).statusCode(), "a reason is required");
        HttpResponse<String> reported = customer.post(action, Map.of("reason", "Rude tone"));
        assertEquals(303, reported.statusCode(), reported.body());
        java.net.URI location = java.net.URI.create(reported.headers().firstValue("Location").orElseThrow());
        assertTrue(customer.get(location.getRawPath() + "?" + location.getRawQuery()).body().contains("the moderators will review this message"), "a confirmation");
        HttpResponse<String> again = customer.post(action, Map.of("reason", "Rude tone, again"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("You have already reported this message."), again.body());

        Http.Response answer = http.post(messages, community.demo("customer").token(), Http.json("body", "Here it is, again."));
        long fromCustomer = answer.json().get("id").asLong();
        Browser manager = signedIn("manager");
        String workspace = manager.get("/b/demo/manager/complaints/" + id).body();
        String managerAction = "/b/demo/manager/complaints/" + id + "/messages/" + fromCustomer + "/report";
        assertTrue(workspace.contains("action=\"" + managerAction + "\""), workspace);
        assertFalse(workspace.contains("/messages/" + fromStore + "/report"), "one's own message has no report form");
        HttpResponse<String> byManager = manager.post(managerAction, Map.of("reason", "Spam"));
        assertEquals(303, byManager.statusCode(), byManager.body());
        assertEquals(409, manager.post("/b/demo/manager/complaints/" + id + "/messages/" + fromStore + "/report",
            Map.of("reason", "Mine")).statusCode(), "not one's own message");
        Browser lucas = signedIn("lucas");
        lucas.get("/b/demo/complaints/" + id);
        HttpResponse<String> stranger = lucas.post(action, Map.of("reason", "Curious"));
        assertEquals(404, stranger.statusCode(), "nobody else: " + stranger.body());
        assertFalse(stranger.body().contains("Your receipt"), "and a stranger does not read the thread");

        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"moderation\":false}").status());
        Http.Response third = http.post(messages, community.demo("manager").token(), Http.json("body", "Last word."));
        HttpResponse<String> noModeration = customer.post("/b/demo/complaints/" + id + "/messages/" + third.json().get("id").asLong()
            + "/report", Map.of("reason", "Rude"));
        assertEquals(409, noModeration.statusCode());
        assertTrue(noModeration.body().contains("this brand has no moderation to review them"), noModeration.body());
    }

    @Test
    void theComplainantEditsAndDeletesTheirComplaintUntilTheStoreAnswers() {
        long id = routedComplaint("Paint shelf empty");
        Browser customer = signedIn("customer");
        String page = customer.get("/b/demo/complaints/" + id).body();
        assertTrue(page.contains("/b/demo/posts/" + id + "/edit?complaint=" + id) && page.contains("/b/demo/posts/" + id + "/delete"), page);
        assertFalse(signedIn("lucas").get("/b/demo/complaints/" + id).body().contains("/posts/" + id + "/edit"), "not for others");
        assertFalse(new Browser(server.base()).get("/b/demo/complaints/" + id).body().contains("/posts/" + id + "/delete"));
        assertTrue(customer.get("/b/demo/complaints/" + id + "?lang=fr").body().contains(">Modifier</a>"), "in French too");

        HttpResponse<String> form = customer.get("/b/demo/posts/" + id + "/edit?complaint=" + id);
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("The shelf was empty all week.") && form.body().contains("name=\"complaint\""), form.body());
        Map<String, String> edited = Map.of("complaint", String.valueOf(id), "hasTitle", "1", "title", "Paint shelf empty for a week",
            "body", "The shelf was empty all week.\nStill empty on Saturday.");
        assertEquals(422, customer.post("/b/demo/posts/" + id + "/edit", Map.of("complaint", String.valueOf(id), "hasTitle", "1",
            "title", "", "body", "x")).statusCode(), "a title is required");
        HttpResponse<String> saved = customer.post("/b/demo/posts/" + id + "/edit", edited);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(saved.headers().firstValue("Location").orElseThrow().endsWith("/b/demo/complaints/" + id), "back to the complaint");
        page = customer.get("/b/demo/complaints/" + id).body();
        assertTrue(page.contains("Still empty on Saturday.") && page.contains("Paint shelf empty for a week"), page);
        assertTrue(page.contains("edited just now") && page.contains("/posts/" + id + "/history?complaint=" + id), page);
        String history = customer.get("/b/demo/posts/" + id + "/history?complaint=" + id).body();
        assertTrue(history.contains("<ins>+ Still empty on Saturday.</ins>") && history.contains("Back to the complaint"), history);

        Http.Response answer = http.post("/api/v1/brands/demo/complaints/" + id + "/responses", community.demo("manager").token(),
            Http.json("body", "New stock on Thursday."));
        assertEquals(201, answer.status(), answer.toString());
        page = customer.get("/b/demo/complaints/" + id).body();
        assertFalse(page.contains("/posts/" + id + "/edit") || page.contains("/posts/" + id + "/delete"), "answered: no more changes");
        HttpResponse<String> late = customer.post("/b/demo/posts/" + id + "/edit", edited);
        assertEquals(409, late.statusCode(), "the API refuses once the store answered");
        HttpResponse<String> lateDelete = customer.post("/b/demo/posts/" + id + "/delete", Map.of("complaint", String.valueOf(id)));
        assertEquals(409, lateDelete.statusCode());
        assertTrue(customer.get("/b/demo/complaints/" + id).body().contains("Still empty on Saturday."), "nothing lost");

        long other = routedComplaint("Broken trolley");
        HttpResponse<String> deleted = customer.post("/b/demo/posts/" + other + "/delete", Map.of("complaint", String.valueOf(other)));
        assertEquals(303, deleted.statusCode(), deleted.body());
        String gone = new Browser(server.base()).get("/b/demo/complaints/" + other).body();
        assertTrue(gone.contains("Deleted by its author.") && !gone.contains("The shelf was empty"), gone);
    }

    @Test
    void aReportedPrivateMessageIsHiddenByAModeratorAndShownAsRemoved() {
        long id = routedComplaint("Rude manager");
        String manager = community.demo("manager").token();
        String customer = community.demo("customer").token();
        String messages = "/api/v1/brands/demo/complaints/" + id + "/messages";
        Http.Response sent = http.post(messages, manager, Http.json("body", "Stop whining about our shelves."));
        assertEquals(201, sent.status(), sent.toString());
        long message = sent.json().get("id").asLong();
        Http.Response reported = http.post(messages + "/" + message + "/report", customer, Http.json("reason", "Insulting"));
        assertEquals(201, reported.status(), reported.toString());
        String moderatorToken = community.demo("moderator").token();
        // the report joins the queue from its event, a moment after the write
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/moderation/queue?source=MESSAGE",
            moderatorToken).json().path("items").size() == 1);
        Browser moderator = signedIn("moderator");
        HttpResponse<String> queue = moderator.get("/b/demo/moderation");
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains("Reported private message") && queue.body().contains("Stop whining about our shelves.")
            && queue.body().contains("Insulting") && queue.body().contains("Hide the message"), queue.body());
        assertFalse(queue.body().contains("customer@demo.example"), "the complainant is not named");
        long item = http.get("/api/v1/brands/demo/moderation/queue?source=MESSAGE", moderatorToken).json().path("items").path(0)
            .path("id").asLong();
        HttpResponse<String> hidden = moderator.post("/b/demo/moderation/queue/" + item + "/decision",
            Map.of("decision", "reject", "reasonCode", "abuse"));
        assertEquals(303, hidden.statusCode(), hidden.body());
        String page = signedIn("customer").get("/b/demo/complaints/" + id).body();
        assertTrue(page.contains("Message removed by moderation") && !page.contains("Stop whining"), page);
        assertTrue(signedIn("manager").get("/b/demo/manager/complaints/" + id).body().contains("Message removed by moderation"));
    }

    @Test
    void aModeratorClaimsAndApprovesAHeldPost() {
        var author = community.join("demo");
        Http.Response held = community.ask(author, "demo", "Un vendeur odieux", "Ce vendeur est un connard.", null, java.util.List.of());
        assertEquals("PENDING_REVIEW", held.json().get("publication").asText(), held.toString());
        long post = held.json().get("id").asLong();
        String moderatorToken = community.demo("moderator").token();
        // held posts join the queue from their post.submitted event, a moment after the write
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/moderation/queue?status=OPEN",
            moderatorToken).json().path("items").size() == 1);
        Browser moderator = signedIn("moderator");
        HttpResponse<String> queue = moderator.get("/b/demo/moderation");
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains("Un vendeur odieux") && queue.body().contains("Held before publication"), queue.body());
        long item = Long.parseLong(queue.body().replaceAll("(?s).*id=\"item-([0-9]+)\".*", "$1"));
        assertEquals(303, moderator.post("/b/demo/moderation/queue/" + item + "/claim", Map.of()).statusCode());
        HttpResponse<String> noReason = moderator.post("/b/demo/moderation/queue/" + item + "/decision", Map.of("decision", "reject"));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("Choose a reason to reject."), noReason.body());
        assertEquals(404, http.get("/api/v1/brands/demo/questions/" + post, null).status(), "still held");
        HttpResponse<String> approved = moderator.post("/b/demo/moderation/queue/" + item + "/decision", Map.of("decision", "approve"));
        assertEquals(303, approved.statusCode(), approved.body());
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> http.get("/api/v1/brands/demo/questions/" + post, null).status() == 200);
        assertFalse(moderator.get("/b/demo/moderation").body().contains("id=\"item-" + item + "\""), "decided items leave the queue");

        HttpResponse<String> dry = moderator.post("/b/demo/moderation/dry-run", Map.of("title", "Commande",
            "body", "Rappelez-moi au 06 12 34 56 78.", "type", "QUESTION"));
        assertEquals(200, dry.statusCode());
        assertTrue(dry.body().contains("[masqué par la modération]"), dry.body());
        HttpResponse<String> csv = moderator.get("/b/demo/moderation/audit.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("APPROVE"), csv.body());
        assertEquals(403, signedIn("customer").get("/b/demo/moderation").statusCode());
    }

    @Test
    void ruleSetsAreEditedAsNewVersionsAndBrokenOnesRefused() {
        Browser moderator = signedIn("moderator");
        HttpResponse<String> page = moderator.get("/b/demo/moderation/rulesets");
        assertEquals(200, page.statusCode(), page.body());
        JsonNode first = http.get("/api/v1/brands/demo/moderation/rulesets", community.demo("moderator").token()).json()
            .get("items").get(0);
        long id = first.get("id").asLong();
        HttpResponse<String> broken = moderator.post("/b/demo/moderation/rulesets", Map.of("id", String.valueOf(id), "definition", "{not json"));
        assertEquals(422, broken.statusCode());
        assertTrue(broken.body().contains("This is not a JSON object.") && broken.body().contains("{not json"), "the draft is kept");
        HttpResponse<String> saved = moderator.post("/b/demo/moderation/rulesets", Map.of("id", String.valueOf(id),
            "definition", first.get("ruleSet").toString()));
        assertEquals(303, saved.statusCode(), saved.body());
        JsonNode after = http.get("/api/v1/brands/demo/moderation/rulesets/" + id, community.demo("moderator").token()).json();
        assertEquals(first.get("version").asInt() + 1, after.get("version").asInt());
    }

    @Test
    void theBrandAdminEnablesCapabilitiesAddsTopicsAndImportsStores() {
        assertEquals(403, signedIn("customer").get("/b/demo/admin").statusCode());
        Browser admin = signedIn("admin");
        HttpResponse<String> page = admin.get("/b/demo/admin");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"feature-moderation\" name=\"feature-moderation\" checked"), page.body());
        HttpResponse<String> saved = admin.post("/b/demo/admin/features", Map.of("feature-local-managers", "on"));
        assertEquals(303, saved.statusCode(), saved.body());
        JsonNode features = http.get("/api/v1/brands/demo/features", null).json().get("items");
        for (JsonNode f : features) {
            assertEquals(f.get("name").asText().equals("local-managers"), f.get("enabled").asBoolean(), f.toString());
        }
        admin.get("/b/demo/admin");
        HttpResponse<String> badTopic = admin.post("/b/demo/admin/topics", Map.of("name", "Jardin", "slug", "Jardin Potager"));
        assertEquals(422, badTopic.statusCode());
        assertEquals(303, admin.post("/b/demo/admin/topics", Map.of("name", "Jardin potager", "slug", "jardin-potager")).statusCode());
        assertTrue(http.get("/api/v1/brands/demo/topics", null).json().toString().contains("jardin-potager"));
        HttpResponse<String> badCsv = admin.post("/b/demo/admin/stores", Map.of("csv",
            "code;region;timeZone;monday;tuesday;wednesday;thursday;friday;saturday;sunday;closures;managers\n"
                + "LYON-PARTDIEU;;Mars/Olympus;;;;;;;;;\n"));
        assertEquals(422, badCsv.statusCode(), badCsv.body());
        assertTrue(badCsv.body().contains("Line 2"), badCsv.body());

        HttpResponse<String> badPoints = admin.post("/b/demo/admin/reputation", Map.of("points.answer-upvoted", "lots"));
        assertEquals(422, badPoints.statusCode());
        assertEquals(200, http.put("/api/v1/brands/demo/features", this.admin, "{\"reputation\":true}").status());
        assertTrue(admin.get("/b/demo/admin").body().contains("name=\"points.answer-upvoted\""), "the points table is editable");
        assertEquals(303, admin.post("/b/demo/admin/reputation", Map.of("points.answer-upvoted", "12", "privileges.vote-up", "20"))
            .statusCode());
        assertEquals(12, http.get("/api/v1/brands/demo/reputation/points", null).json().get("answer-upvoted").asInt());
        assertEquals(20, http.get("/api/v1/brands/demo/reputation/privileges", null).json().get("vote-up").asInt());

        long lucas = community.demo("lucas").id();
        assertEquals(422, admin.post("/b/demo/admin/roles", Map.of("memberId", String.valueOf(lucas))).statusCode(), "no role chosen");
        assertEquals(303, admin.post("/b/demo/admin/roles", Map.of("memberId", String.valueOf(lucas), "role-STORE_MANAGER", "on",
            "storeCodes", "LYON-PARTDIEU")).statusCode());
        assertTrue(http.get("/api/v1/brands/demo/members/" + lucas, this.admin).json().get("roles").toString().contains("STORE_MANAGER"));

        assertEquals(200, http.put("/api/v1/brands/demo/features", this.admin, "{\"local-managers\":true}").status());
        assertEquals(422, admin.post("/b/demo/admin/deadlines", Map.of("firstResponseHours", "0")).statusCode());
        assertEquals(303, admin.post("/b/demo/admin/deadlines", Map.of("firstResponseHours", "8", "regionHours", "")).statusCode());
        assertEquals(8, http.get("/api/v1/brands/demo/managers/deadlines", null).json().get("firstResponseHours").asInt());
        assertEquals(303, admin.post("/b/demo/admin/deadlines", Map.of("firstResponseHours", "", "regionHours", "")).statusCode());
        assertFalse(http.get("/api/v1/brands/demo/managers/deadlines", null).json().get("own").asBoolean(), "back to the defaults");
        assertEquals(422, admin.post("/b/demo/admin/formula", Map.of("response", "0.5", "rating", "0", "resolution", "0",
            "buyAgain", "0", "minEvaluated", "5")).statusCode(), "weights must sum to 1");
        assertEquals(303, admin.post("/b/demo/admin/formula", Map.of("response", "0,25", "rating", "0.25", "resolution", "0.25",
            "buyAgain", "0.25", "minEvaluated", "3")).statusCode());
        assertEquals(0.25, http.get("/api/v1/brands/demo/rankings/formula", null).json().get("formula").get("rating").asDouble());
        assertTrue(new Browser(server.base()).get("/b/demo/rankings").body().contains("3 evaluated complaints"), "published");
        assertEquals(303, admin.post("/b/demo/admin/formula", Map.of("mode", "default")).statusCode());
        assertFalse(http.get("/api/v1/brands/demo/rankings/formula", null).json().get("own").asBoolean());
        assertEquals(422, admin.post("/b/demo/admin/new-store", Map.of("store-code", "NANTES", "store-name", "Nantes Atlantis",
            "store-city", "Nantes", "store-postalCode", "44800", "store-latitude", "north")).statusCode());
        assertEquals(303, admin.post("/b/demo/admin/new-store", Map.of("store-code", "NANTES", "store-name", "Nantes Atlantis",
            "store-city", "Nantes", "store-postalCode", "44800", "store-latitude", "47.22", "store-longitude", "-1.63")).statusCode());
        assertTrue(http.get("/api/v1/brands/demo/stores?q=NANTES", null).raw().body().contains("Nantes Atlantis"));
        HttpResponse<String> badHours = admin.post("/b/demo/admin/store-settings", Map.of("code", "LYON-PARTDIEU",
            "hours-MONDAY", "9h-19h"));
        assertEquals(422, badHours.statusCode());
        assertTrue(badHours.body().contains("Hours as 09:00-19:00"), badHours.body());
        HttpResponse<String> hours = admin.post("/b/demo/admin/store-settings", Map.of("code", "LYON-PARTDIEU", "timeZone", "Europe/Paris",
            "hours-MONDAY", "09:00-12:00 14:00-19:00", "hours-TUESDAY", "09:00-19:00", "closures", "2026-12-25"));
        assertEquals(303, hours.statusCode(), hours.body());
    }

    @Test
    void onlyTheComplainantSeesModerationsDecisionOnTheirComplaintOnTheirProfile() {
        var customer = community.demo("customer");
        long id = community.complain(customer, "demo", "The store ignores me", "The shelf was empty all week.", null, false)
            .json().get("id").asLong();
        server.core.publications.change(server.core.brands.find("demo").orElseThrow().id(), id,
            org.entraide.api.model.PublicationState.REJECTED, null, "abusive");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/users/" + customer.id()
            + "/reputation/private", customer.token()).json().path("total").asInt() == 1);
        String profile = "/b/demo/users/" + customer.id();
        String own = signedIn("customer").get(profile).body();
        assertTrue(own.contains("Only you see this") && own.contains("Moderation rejected your complaint"), own);
        for (Browser other : List.of(new Browser(server.base()), signedIn("lucas"), signedIn("moderator"), signedIn("admin"))) {
            String html = other.get(profile).body();
            assertFalse(html.contains("Only you see this") || html.contains("rejected your complaint"), html);
        }
        assertTrue(signedIn("customer").get(profile + "?lang=fr").body().contains("La modération a rejeté votre réclamation"));
    }

    @Test
    void profilesShowReputationBadgesAndActivityAndTheLeaderboardRanksMembers() {
        // new members may vote here (the shipped threshold is 15 points; everyone has at least 1)
        assertEquals(200, http.put("/api/v1/brands/demo/reputation/privileges", admin, "{\"vote-up\": 1}").status());
        var asker = community.join("demo");
        var helper = community.join("demo");
        long question = community.askId(asker, "Which hinge for a heavy oak door?");
        long answer = community.answerId(helper, question);
        assertEquals(200, community.vote(asker, "demo", answer, 1).status());
        assertEquals(200, community.accept(asker, "demo", question, answer).status());
        long complaint = community.complaintId(helper, "LYON-PARTDIEU", true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/users/" + helper.id()
            + "/reputation", null).json().path("reputation").asInt() >= 25
            && http.get("/api/v1/brands/demo/users/" + helper.id() + "/badges", null).json().path("items").size() > 0);

        HttpResponse<String> profile = new Browser(server.base()).get("/b/demo/users/" + helper.id());
        assertEquals(200, profile.statusCode(), profile.body());
        String html = profile.body();
        assertTrue(html.contains("<h1>" + helper.pseudonym() + "</h1>"), html);
        assertTrue(html.matches("(?s).*<strong>2[0-9]</strong> reputation points.*"), html);
        assertTrue(html.contains("Answer accepted") && html.contains("Answer voted useful"), "the history, in English: " + html);
        assertTrue(html.contains("First answer"), "the badges: " + html);
        assertTrue(html.contains("href=\"/b/demo/questions/" + question + "#answer-" + answer + "\""), "the activity: " + html);
        assertFalse(html.contains("/complaints/" + complaint), "never the member's complaints");
        assertFalse(html.contains(helper.email()), "never the e-mail address");
        String french = new Browser(server.base()).get("/b/demo/users/" + helper.id() + "?lang=fr").body();
        assertTrue(french.contains("Réponse acceptée") && french.contains("Première réponse"), french);
        assertEquals(404, new Browser(server.base()).get("/b/demo/users/999999999").statusCode());

        HttpResponse<String> board = new Browser(server.base()).get("/b/demo/leaderboard");
        assertEquals(200, board.statusCode(), board.body());
        assertTrue(board.body().contains("href=\"/b/demo/users/" + helper.id() + "\""), board.body());
        assertTrue(new Browser(server.base()).get("/b/demo").body().contains("href=\"/b/demo/leaderboard\""), "linked from home");
        assertTrue(new Browser(server.base()).get("/b/demo/questions/" + question).body()
            .contains("href=\"/b/demo/users/" + helper.id() + "\""), "authors link to their profile");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"reputation\":false}").status());
        assertEquals(404, new Browser(server.base()).get("/b/demo/leaderboard").statusCode(), "gone with the capability");
    }

    @Test
    void theQueueShowsAHeldAnswersTextAuthorTypeRuleAndLink() {
        var asker = community.join("demo");
        long question = community.ask(asker, "demo", "Perceuse en panne", "Ma perceuse ne démarre plus.", null,
            java.util.List.of()).json().get("id").asLong();
        var rude = community.join("demo");
        Http.Response held = community.answer(rude, "demo", question, "Le vendeur qui te l'a vendue est un connard.");
        assertEquals("PENDING_REVIEW", held.json().get("publication").asText(), held.toString());
        long answer = held.json().get("id").asLong();
        String moderatorToken = community.demo("moderator").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/moderation/queue?status=OPEN",
            moderatorToken).json().path("items").size() == 1);
        String page = signedIn("moderator").get("/b/demo/moderation").body();
        assertTrue(page.contains("Le vendeur qui te l&#39;a vendue est un c******.") || page.contains(
            "Le vendeur qui te l'a vendue est un c******."), "the answer's text, not only its number: " + page);
        assertTrue(page.contains("Answer") && page.contains(rude.pseudonym()) && page.contains("Perceuse en panne"), page);
        assertTrue(page.contains("insults — Your message contains abusive language"), "the rule that fired: " + page);
        assertTrue(page.contains("href=\"/b/demo/questions/" + question + "#answer-" + answer + "\""), "a link to it: " + page);
    }

    @Test
    void aModeratorCorrectsAHeldPostThenApprovesIt() {
        Http.Response held = community.ask(community.join("demo"), "demo", "Un vendeur odieux", "Ce vendeur est un connard.", null,
            java.util.List.of());
        long post = held.json().get("id").asLong();
        String moderatorToken = community.demo("moderator").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/moderation/queue?status=OPEN",
            moderatorToken).json().path("items").size() == 1);
        Browser moderator = signedIn("moderator");
        String page = moderator.get("/b/demo/moderation").body();
        assertTrue(page.contains("Ce vendeur est un c******.</textarea>"), "the text to correct, as stored (masked): " + page);
        long item = Long.parseLong(page.replaceAll("(?s).*id=\"item-([0-9]+)\".*", "$1"));
        HttpResponse<String> edited = moderator.post("/b/demo/moderation/queue/" + item + "/decision", Map.of("decision", "approve",
            "mode", "edit", "title", "Un vendeur désagréable", "body", "Ce vendeur a été désagréable."));
        assertEquals(303, edited.statusCode(), edited.body());
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> http.get("/api/v1/brands/demo/questions/" + post, null).status() == 200);
        JsonNode q = http.get("/api/v1/brands/demo/questions/" + post, null).json();
        assertEquals("Un vendeur désagréable", q.get("title").asText());
        assertEquals("Ce vendeur a été désagréable.", q.get("body").asText());
    }

    @Test
    void membersReportPostsToTheModerators() {
        long question = community.askId(community.join("demo"), "Cheap watches, the best prices in town");
        Browser reporter = signedIn("lucas");
        // moderation reads reputation as in Karaf: flagging needs the privilege, so the replay of the demo's history
        // must have reached the reporter first
        long lucas = community.demo("lucas").id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> http.get(
            "/api/v1/brands/demo/users/" + lucas + "/reputation", null).json().path("reputation").asInt() >= 15);
        String page = reporter.get("/b/demo/questions/" + question).body();
        assertTrue(page.contains("Report to the moderators"), page);
        HttpResponse<String> flagged = reporter.post("/b/demo/posts/" + question + "/flag", Map.of("reason", "spam",
            "question", String.valueOf(question)));
        assertEquals(303, flagged.statusCode(), flagged.body());
        assertTrue(reporter.get(flagged.headers().firstValue("Location").orElseThrow()).body().contains("the moderators will look at it"));
        assertEquals(303, reporter.post("/b/demo/posts/" + question + "/flag", Map.of("reason", "spam",
            "question", String.valueOf(question))).statusCode(), "reporting twice is not an error for the member");
        assertEquals(400, reporter.post("/b/demo/posts/" + question + "/flag", Map.of("reason", "because",
            "question", String.valueOf(question))).statusCode());
        // one flag weighs less than the hiding threshold: the API keeps it, and refuses the same member's second one
        assertEquals(409, http.post("/api/v1/brands/demo/posts/" + question + "/flags", community.demo("lucas").token(),
            Http.json("reason", "spam")).status());
        assertFalse(new Browser(server.base()).get("/b/demo/questions/" + question).body().contains("Report to the moderators"),
            "visitors sign in to report");
    }

    @Test
    void theBrandAdminEditsBadgesRegionsAndWebhooks() {
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"badges\":true,\"webhooks\":true}").status());
        Browser browser = signedIn("admin");
        String page = browser.get("/b/demo/admin").body();
        assertTrue(page.contains("name=\"key\" value=\"first-answer\""), "the shipped badges are editable: " + page);
        HttpResponse<String> broken = browser.post("/b/demo/admin/badges", Map.of("key", "first-answer", "definition", "[1, 2"));
        assertEquals(422, broken.statusCode());
        assertTrue(broken.body().contains("This is not a JSON object.") && broken.body().contains("[1, 2</textarea>"), broken.body());
        JsonNode one = http.get("/api/v1/brands/demo/badges/first-answer", null).json();
        JsonNode def = one.has("badge") ? one.get("badge") : one;
        String unknownMetric = def.toString().replace(def.path("criterion").asText(), "user.nonsense >= 1");
        HttpResponse<String> invalid = browser.post("/b/demo/admin/badges", Map.of("key", "first-answer", "definition", unknownMetric));
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("nonsense"), "the API's reason is shown: " + invalid.body());
        assertEquals(303, browser.post("/b/demo/admin/badges", Map.of("key", "first-answer", "definition", def.toString())).statusCode());

        assertEquals(422, browser.post("/b/demo/admin/regions", Map.of("regionCode", "SUD", "regionName", "")).statusCode());
        long lucas = community.demo("lucas").id();
        assertEquals(303, browser.post("/b/demo/admin/regions", Map.of("regionCode", "SUD", "regionName", "Sud-Est",
            "regionManagers", String.valueOf(lucas))).statusCode());

        assertEquals(422, browser.post("/b/demo/admin/webhooks", Map.of("url", "ftp://example.com")).statusCode());
        HttpResponse<String> created = browser.post("/b/demo/admin/webhooks", Map.of("url", "https://127.0.0.1:9/hook",
            "eventTypes", "complaint.filed, complaint.responded"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("shown only this once"), created.body());
        JsonNode hooks = http.get("/api/v1/brands/demo/webhooks", admin).json().get("items");
        assertEquals(1, hooks.size());
        assertEquals(2, hooks.get(0).get("eventTypes").size());
        assertEquals(303, browser.post("/b/demo/admin/webhooks/" + hooks.get(0).get("id").asLong() + "/deletion", Map.of()).statusCode());
        assertEquals(0, http.get("/api/v1/brands/demo/webhooks", admin).json().get("items").size());
    }

    @Test
    void anotherModeratorDecidesAnAppealFromTheConsole() {
        var member = community.join("demo");
        String moderatorToken = community.demo("moderator").token();
        Http.Response silence = http.post("/api/v1/brands/demo/moderation/sanctions", moderatorToken,
            "{\"userId\":" + member.id() + ",\"kind\":\"SILENCE\",\"reason\":\"Insultes\"}");
        assertEquals(201, silence.status(), silence.toString());
        Http.Response appeal = http.post("/api/v1/brands/demo/moderation/appeals", member.token(),
            "{\"subject\":\"SANCTION\",\"id\":" + silence.json().get("id").asLong() + ",\"statement\":\"Ce n'était pas moi\"}");
        assertEquals(201, appeal.status(), appeal.toString());
        long id = appeal.json().get("id").asLong();
        Browser admin = signedIn("admin");
        String page = admin.get("/b/demo/moderation").body();
        assertTrue(page.contains("Ce n&#39;était pas moi") || page.contains("Ce n'était pas moi"), page);
        assertEquals(422, admin.post("/b/demo/moderation/appeals/" + id + "/decision", Map.of("outcome", "overturn")).statusCode());
        Browser moderator = signedIn("moderator");
        moderator.get("/b/demo/moderation");
        HttpResponse<String> own = moderator.post("/b/demo/moderation/appeals/" + id + "/decision",
            Map.of("outcome", "overturn", "reason", "Erreur"));
        assertEquals(403, own.statusCode(), "not by the moderator who sanctioned: " + own.body());
        assertEquals(303, admin.post("/b/demo/moderation/appeals/" + id + "/decision", Map.of("outcome", "overturn",
            "reason", "Erreur de compte")).statusCode());
        assertEquals(201, community.ask(member, "demo", "Je peux parler", "Merci pour la levée de la sanction.", null,
            java.util.List.of()).status(), "the silence is lifted");
    }

    @Test
    void theCentralTeamDashboardGathersLateComplaintsScoresAndRequests() {
        long id = routedComplaint("Parking closed without notice");
        assertEquals(201, http.post("/api/v1/brands/demo/complaints/" + id + "/moderation-requests", community.demo("manager").token(),
            Http.json("category", "not-about-store")).status());
        assertEquals(403, signedIn("customer").get("/b/demo/admin/dashboard").statusCode());
        HttpResponse<String> board = signedIn("admin").get("/b/demo/admin/dashboard");
        assertEquals(200, board.statusCode(), board.body());
        assertTrue(board.body().contains("Complaints past their deadline") && board.body().contains("Month by month"), board.body());
        assertTrue(board.body().matches("(?s).*<th scope=\"row\">LYON-PARTDIEU</th><td>1</td>.*"), "requests per store: " + board.body());
        assertTrue(board.body().contains("Who read a complainant&#39;s identity"), "the reveal log's section: " + board.body());
        assertEquals(200, http.get("/api/v1/brands/demo/complaints/" + id + "/complainant", community.demo("manager").token()).status());
        String logged = signedIn("admin").get("/b/demo/admin/dashboard").body();
        assertTrue(logged.contains("/b/demo/complaints/" + id + "\">#" + id + "</a>") && !logged.contains("customer@demo.example"),
            "the reading is listed, the complainant is not named: " + logged);
        long moderatorId = community.demo("moderator").id();
        server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c, "INSERT INTO moderation_identity_access (brand_id, "
            + "complaint_id, user_id, purpose, at_time) VALUES (?, ?, ?, 'appeal', ?)", server.core.brands.find("demo").orElseThrow()
            .id(), id, moderatorId, java.time.Instant.now()));
        String shown = signedIn("admin").get("/b/demo/admin/dashboard").body();
        assertTrue(shown.contains("Complainants shown to moderators") && shown.contains("<td>Appeal</td>"),
            "moderation's showings are listed too: " + shown);
    }

    @Test
    void aMemberAppealsARejectionFromTheirPage() {
        Http.Response held = community.ask(community.demo("lucas"), "demo", "Un vendeur odieux", "Ce vendeur est un connard.", null,
            java.util.List.of());
        long post = held.json().get("id").asLong();
        String moderatorToken = community.demo("moderator").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/moderation/queue?status=OPEN",
            moderatorToken).json().path("items").size() == 1);
        long item = http.get("/api/v1/brands/demo/moderation/queue?status=OPEN", moderatorToken).json().get("items").get(0)
            .get("id").asLong();
        assertEquals(200, http.post("/api/v1/brands/demo/moderation/queue/" + item + "/decision", moderatorToken,
            "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}").status());
        Browser lucas = signedIn("lucas");
        String page = lucas.get("/b/demo/me/moderation").body();
        assertTrue(page.contains("Un vendeur odieux") && page.contains("Abuse"), page);
        assertTrue(lucas.get("/b/demo").body().contains("href=\"/b/demo/me/moderation\""), "linked from every page");
        assertEquals(422, lucas.post("/b/demo/me/moderation/appeals", Map.of("subject", "ITEM", "id", String.valueOf(item),
            "statement", "")).statusCode());
        HttpResponse<String> appealed = lucas.post("/b/demo/me/moderation/appeals", Map.of("subject", "ITEM", "id", String.valueOf(item),
            "statement", "C'est une citation du vendeur."));
        assertEquals(303, appealed.statusCode(), appealed.body());
        assertTrue(lucas.get("/b/demo/me/moderation").body().contains("Appealed: a moderator will decide."));
        assertTrue(signedIn("admin").get("/b/demo/moderation").body().contains("une citation du vendeur"), "the moderators see it");
        assertEquals(403, signedIn("customer").post("/b/demo/me/moderation/appeals", Map.of("subject", "ITEM",
            "id", String.valueOf(item), "statement", "Pas moi")).statusCode(), "only the member concerned appeals");
        assertEquals(404, http.get("/api/v1/brands/demo/questions/" + post, null).status(), "still rejected until decided");
    }
}
