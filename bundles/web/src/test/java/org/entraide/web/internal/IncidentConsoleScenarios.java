package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/**
 * The incidents' console and the staff part of an incident with the real plugin: the central team declares an
 * incident (the API's problems shown in words, the form kept), attaches complaints in bulk, publishes the statement,
 * closes it answering the complaints, and accepts what the detection proposed; a region's managers handle their
 * region's incidents only; customers and store managers have no console. In French and English, without JavaScript.
 */
abstract class IncidentConsoleScenarios extends WebTestBase {
    private static final String CONSOLE = "/b/demo/admin/incidents";
    private static final String HOURS = "\"hours\":{\"MONDAY\":[\"09:00-19:00\"],\"TUESDAY\":[\"09:00-19:00\"]}";

    IncidentConsoleScenarios(Db db) {
        super(db);
    }

    private Browser signedIn(String email, String password) {
        Browser b = new Browser(server.base());
        HttpResponse<String> r = b.submit("/b/demo/login", "/b/demo/login", Map.of("email", email, "password", password));
        assertEquals(303, r.statusCode(), r.body());
        return b;
    }

    private Browser demo(String who) {
        return signedIn(who + "@demo.example", DemoSeeder.PASSWORD);
    }

    private void enable(String features) {
        Http.Response on = http.put("/api/v1/brands/demo/features", community.demo("admin").token(), features);
        assertEquals(200, on.status(), on.toString());
    }

    private static long idOf(HttpResponse<String> redirect) {
        Matcher m = Pattern.compile("/admin/incidents/([0-9]+)").matcher(redirect.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), "to the incident's staff part: " + redirect.headers().map());
        return Long.parseLong(m.group(1));
    }

    @Test
    void theCentralTeamDeclaresAttachesSpeaksAndClosesFromTheConsole() throws Exception {
        Browser admin = demo("admin");
        assertEquals(404, admin.get(CONSOLE).statusCode(), "no console without the capability");
        Plugins.incidents(server);
        enable("{\"incidents\":true}");
        assertEquals(303, new Browser(server.base()).get(CONSOLE).statusCode(), "visitors sign in first");
        assertEquals(403, demo("customer").get(CONSOLE).statusCode(), "customers have no console");
        assertFalse(demo("customer").get("/b/demo").body().contains("href=\"" + CONSOLE + "\""), "nor its link");
        assertEquals(403, demo("manager").get(CONSOLE).statusCode(), "a store manager who manages no region neither");
        assertTrue(admin.get("/b/demo").body().contains("href=\"" + CONSOLE + "\""), "the central team's link in the header");

        String page = admin.get(CONSOLE + "?lang=en").body();
        assertTrue(page.contains("Declare an incident") && page.contains("No incident is open."), page);
        HttpResponse<String> noTheme = admin.post(CONSOLE, Map.of("title", "Card terminals down", "theme", " , ",
            "stores", "LYON-PARTDIEU"));
        assertEquals(400, noTheme.statusCode(), noTheme.body());
        assertTrue(noTheme.body().contains("This was not done: theme:") && noTheme.body().contains("value=\"Card terminals down\""),
            "the API's problem in words, the form kept: " + noTheme.body());
        HttpResponse<String> noStore = admin.post(CONSOLE, Map.of("title", "Card terminals down", "theme", "card terminal",
            "stores", "NOWHERE"));
        assertEquals(404, noStore.statusCode());
        assertTrue(noStore.body().contains("no store NOWHERE"), noStore.body());
        HttpResponse<String> badStart = admin.post(CONSOLE, Map.of("title", "Card terminals down", "theme", "card terminal",
            "startsAt", "yesterday"));
        assertEquals(400, badStart.statusCode());
        assertTrue(badStart.body().contains("startsAt"), badStart.body());

        HttpResponse<String> declared = admin.post(CONSOLE, Map.of("title", "Card terminals down", "theme",
            "card terminal\nterminal de paiement", "stores", "LYON-PARTDIEU", "startsAt", "2026-01-01T08:00"));
        assertEquals(303, declared.statusCode(), declared.body());
        long id = idOf(declared);
        String staffPart = CONSOLE + "/" + id;
        String declaredPage = admin.get(staffPart + "?done=declared").body();
        assertTrue(declaredPage.contains("The incident is declared.") && declaredPage.contains("card terminal · terminal de paiement")
            && declaredPage.contains("Lyon Part-Dieu") && declaredPage.contains("2026-01-01T08:00:00Z"), declaredPage);
        assertTrue(admin.get(CONSOLE).body().contains("href=\"" + staffPart + "\""), "listed as open");

        Community.Member customer = community.demo("customer");
        long automatic = community.complain(customer, "demo", "Payment refused", "The card terminal refused every card.",
            "LYON-PARTDIEU", false).json().get("id").asLong();
        long other = community.complain(customer, "demo", "Long queue", "One till open on Saturday.", "LYON-PARTDIEU", false)
            .json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            admin.get(staffPart).body().contains("href=\"/b/demo/complaints/" + automatic + "\""));
        assertTrue(admin.get(staffPart).body().contains("by its theme"), "attached by its theme");
        HttpResponse<String> bad = admin.post(staffPart + "/items", Map.of("ids", "twelve"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("This was not done: postIds"), bad.body());
        HttpResponse<String> attached = admin.post(staffPart + "/items", Map.of("ids", "/b/demo/complaints/" + other + ", " + automatic));
        assertEquals(303, attached.statusCode(), attached.body());
        String afterAttach = admin.get(attached.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(afterAttach.contains("1 attached, 1 refused") && afterAttach.contains("href=\"/b/demo/complaints/" + other + "\"")
            && afterAttach.contains("by staff"), afterAttach);

        HttpResponse<String> empty = admin.post(staffPart + "/statements", Map.of("body", " "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("This was not done: body"), empty.body());
        HttpResponse<String> spoke = admin.post(staffPart + "/statements", Map.of("body",
            "Our **card terminals** are down in Lyon. <script>alert(1)</script>"));
        assertEquals(303, spoke.statusCode(), spoke.body());
        String spoken = admin.get(staffPart).body();
        assertTrue(spoken.contains("<strong>card terminals</strong>") && !spoken.contains("<script>alert"), "sanitized: " + spoken);
        assertTrue(spoken.contains("minutes after the declaration") && spoken.contains("2 questions and complaints, 2 of them complaints"),
            "time to statement and counts: " + spoken);
        assertTrue(spoken.contains("Update of the statement"), "the next one is an update");
        String fr = admin.get(staffPart + "?lang=fr").body();
        assertTrue(fr.contains("Partie équipe de l&#39;incident") || fr.contains("Partie équipe de l'incident"), fr);
        assertTrue(fr.contains("Clore et répondre aux réclamations"), "the French page");

        HttpResponse<String> noMessage = admin.post(staffPart + "/closure", Map.of("message", ""));
        assertEquals(400, noMessage.statusCode());
        HttpResponse<String> closed = admin.post(staffPart + "/closure", Map.of("message", "Fixed. Is your problem solved?"));
        assertEquals(303, closed.statusCode(), closed.body());
        String closedPage = admin.get(staffPart + "?done=closed&lang=en").body();
        assertTrue(closedPage.contains("The incident is closed") && !closedPage.contains("/closure\""), "no forms once closed");
        for (long complaint : new long[] {automatic, other}) {
            var c = community.complaint(customer, "demo", complaint).json();
            assertEquals("ANSWERED", c.get("status").asText(), c.toString());
        }
        HttpResponse<String> again = admin.post(staffPart + "/closure", Map.of("message", "Again"));
        assertEquals(409, again.statusCode(), "closed once, the problem shown: " + again.body());
        assertTrue(admin.get(CONSOLE + "?lang=en").body().contains("Closed incidents"), "listed as closed");
        assertEquals(403, demo("customer").get(staffPart).statusCode(), "the staff part is staff's");
    }

    @Test
    void staffAttachInBulkTheQuestionsAndComplaintsASearchFinds() throws Exception {
        var search = org.entraide.search.internal.SearchPluginForTests.install(server);
        try {
            Plugins.incidents(server);
            enable("{\"search\":true,\"incidents\":true}");
            Community.Member customer = community.demo("customer");
            long first = community.complain(customer, "demo", "Appli fidélité en panne", "L'application refuse ma connexion.",
                "LYON-PARTDIEU", false).json().get("id").asLong();
            long second = community.askId(community.demo("lucas"), "L'application fidélité est-elle en panne ?");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/brands/demo/search?q="
                + Site.urlEncode("application panne"), null).json().path("total").asLong() >= 2);
            Browser admin = demo("admin");
            admin.get(CONSOLE);
            long id = idOf(admin.post(CONSOLE, Map.of("title", "Appli en panne", "theme", "appli fidelite")));
            String found = admin.get(CONSOLE + "/" + id + "?q=" + Site.urlEncode("application panne") + "&lang=en").body();
            assertTrue(found.contains("name=\"post-" + first + "\" checked") && found.contains("name=\"post-" + second + "\" checked"),
                "each question and complaint found, ticked: " + found);
            HttpResponse<String> attached = admin.post(CONSOLE + "/" + id + "/items", Map.of("post-" + first, "on",
                "post-" + second, "on", "ids", ""));
            assertEquals(303, attached.statusCode(), attached.body());
            assertTrue(admin.get(attached.headers().firstValue("Location").orElseThrow()).body().contains("2 attached, 0 refused"));
            assertEquals(2, http.get("/api/v1/brands/demo/incidents/" + id, null).json().get("items").asInt());
        } finally {
            search.close();
        }
    }

    @Test
    void aRiseTheDetectionProposedIsAcceptedFromTheConsole() throws Exception {
        var incidents = Plugins.incidents(server);
        enable("{\"incidents\":true}");
        Community.Member customer = community.demo("customer");
        for (int i = 0; i < 6; i++) {
            community.complain(customer, "demo", "Fermé " + i, "Magasin fermé sans prévenir.", "PARIS-BERCY", false);
        }
        Browser admin = demo("admin");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            incidents.detector.run(Instant.now());
            return admin.get(CONSOLE).body().contains("?proposal=");
        });
        String console = admin.get(CONSOLE + "?lang=fr").body();
        Matcher accept = Pattern.compile("href=\"" + CONSOLE + "\\?proposal=([0-9]+)#declare-h\"").matcher(console);
        assertTrue(accept.find(), "each proposal can be accepted: " + console);
        assertTrue(console.contains("Proposés par la détection") && console.contains("Paris Bercy"), console);
        String form = admin.get(CONSOLE + "?proposal=" + accept.group(1)).body();
        assertTrue(form.contains("name=\"proposalId\" value=\"" + accept.group(1) + "\"") && form.contains("value=\"PARIS-BERCY\""),
            "the form is filled with the proposal's store: " + form);
        HttpResponse<String> declared = admin.post(CONSOLE, Map.of("title", "Fermeture Bercy", "theme", "ferme",
            "stores", "PARIS-BERCY", "proposalId", accept.group(1)));
        assertEquals(303, declared.statusCode(), declared.body());
        String staffPart = admin.get(CONSOLE + "/" + idOf(declared)).body();
        assertTrue(staffPart.contains("6 questions and complaints, 6 of them complaints")
            || staffPart.contains("6 questions et réclamations"), "the proposal's posts attached: " + staffPart);
        assertTrue(admin.get(CONSOLE + "?lang=en").body().contains("Accepted: see the incident"), "accepted once");
    }

    @Test
    void aRegionsManagerHandlesTheRegionsIncidentsOnly() throws Exception {
        var localManagers = Plugins.localManagers(server);
        var incidents = Plugins.incidents(server);
        incidents.useRegions(localManagers.regions);
        enable("{\"local-managers\":true,\"incidents\":true}");
        String admin = community.demo("admin").token();
        Community.Member regional = community.join("demo");
        assertEquals(200, http.put("/api/v1/brands/demo/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":["
            + regional.id() + "]}").status());
        assertEquals(200, http.put("/api/v1/brands/demo/stores/LYON-PARTDIEU/settings", admin, "{" + HOURS
            + ",\"region\":\"SUD-EST\"}").status());

        Browser browser = signedIn(regional.email(), "long-enough-password");
        String console = browser.get(CONSOLE + "?lang=en").body();
        assertTrue(console.contains("You handle the incidents of your regions: SUD-EST"), console);
        assertFalse(console.contains("Proposed by the detection"), "proposals are the central team's");
        HttpResponse<String> whole = browser.post(CONSOLE, Map.of("title", "Everywhere", "theme", "panne"));
        assertEquals(403, whole.statusCode());
        assertTrue(whole.body().contains("the managers of every region it names"), "the API's refusal in words: " + whole.body());
        HttpResponse<String> declared = browser.post(CONSOLE, Map.of("title", "Panne en Sud-Est", "theme", "panne caisse",
            "regions", "SUD-EST"));
        assertEquals(303, declared.statusCode(), declared.body());
        long id = idOf(declared);
        assertEquals(303, browser.post(CONSOLE + "/" + id + "/statements", Map.of("body", "Les caisses redémarrent.")).statusCode());
        assertTrue(browser.get("/b/demo/incidents/" + id).body().contains("href=\"" + CONSOLE + "/" + id + "\""),
            "the public page links its staff part for them");
        http.post("/api/v1/brands/demo/incidents", admin, "{\"title\":\"Paris only\",\"theme\":[\"x\"],\"stores\":[\"PARIS-BERCY\"]}");
        String listed = browser.get(CONSOLE).body();
        assertTrue(listed.contains("Panne en Sud-Est") && !listed.contains("Paris only"), "their region's incidents: " + listed);
        assertTrue(browser.get("/b/demo/manager").body().contains("href=\"" + CONSOLE + "\""), "linked from their inbox");
    }
}
