package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.search.internal.SearchPlugin;
import org.entraide.search.internal.SearchPluginForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The search page and the ask page's similar questions, with the real search plugin: results with highlights and
 * facets as links in both languages, the home page's form pointing to it only while the brand has search on.
 */
abstract class SearchPageScenarios extends WebTestBase {
    SearchPlugin plugin;

    SearchPageScenarios(Db db) {
        super(db);
    }

    @AfterEach
    void closeIndex() {
        if (plugin != null) {
            plugin.close();
        }
    }

    Http.Response page(String path, String acceptLanguage, String token) {
        var b = http.builder(path, token).GET();
        b.header("Accept-Language", acceptLanguage);
        return http.send(b);
    }

    @Test
    void theSearchPageShowsHighlightedResultsAndFacetsInBothLanguages() throws Exception {
        String home = page("/b/demo", "en", null).raw().body();
        assertTrue(home.contains("action=\"/b/demo\""), "without search, the home form filters titles");
        assertEquals(404, page("/b/demo/search?q=beton", "en", null).status(), "no search page without the capability");

        plugin = SearchPluginForTests.install(server);
        Community.Member admin = community.demo("admin");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"search\":true}").status());
        var asker = community.join("demo");
        long id = community.ask(asker, "demo", "Quelle colle pour du <carrelage> mural ?", "Les carreaux de faïence tombent.",
            null, List.of("carrelage")).json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            page("/b/demo/search?q=carrelages", "en", null).raw().body().contains("/b/demo/questions/" + id));

        String en = page("/b/demo/search?q=carrelages", "en", null).raw().body();
        assertTrue(en.contains("<mark>carrelage</mark>"), "the matched word is marked: " + en);
        assertTrue(en.contains("&lt;"), "a member's markup is escaped");
        assertFalse(en.contains("<carrelage>"), "never rendered as markup");
        assertTrue(en.contains("/b/demo/search?q=carrelages&amp;tag=carrelage") || en.contains("/b/demo/search?q=carrelages&tag=carrelage"),
            "a facet is a link that adds its filter: " + en);
        assertTrue(en.contains("Refine") && en.contains("Question"), "English page");
        String fr = page("/b/demo/search?q=carrelages", "fr", null).raw().body();
        assertTrue(fr.contains("Affiner") && fr.contains("Recherche"), "French page");
        assertTrue(page("/b/demo", "fr", null).raw().body().contains("action=\"/b/demo/search\""),
            "the home page's form searches");
        Browser b = new Browser(server.base());
        b.get("/b/demo/login");
        assertEquals(303, b.post("/b/demo/login", java.util.Map.of("email", "customer@demo.example", "password",
            org.entraide.core.internal.demo.DemoSeeder.PASSWORD, "next", "/b/demo/ask")).statusCode());
        String ask = b.get("/b/demo/ask").body();
        assertTrue(ask.contains("data-similar=\"/b/demo/ask/proposals\"") && ask.contains("similar-3.js"),
            "the ask page proposes similar questions while typing: " + ask);
        assertEquals(200, page("/static/similar-3.js", "fr", null).status());

        // without JavaScript: the similar questions on a confirmation step, the question kept, then published
        java.util.Map<String, String> question = java.util.Map.of("title", "Colle pour carrelage mural qui se décolle",
            "body", "Mes carreaux de salle de bain se décollent du mur.", "topic", "", "tags", "", "storeCode", "",
            "action", "publish");
        var confirm = b.submit("/b/demo/ask", "/b/demo/ask", question);
        assertEquals(200, confirm.statusCode(), "proposals first, nothing published yet");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"/b/demo/questions/" + id
            + "\\?proposal=([A-Za-z0-9_-]{22})\"").matcher(confirm.body());
        assertTrue(link.find() && confirm.body().contains("name=\"confirmed\""),
            "the similar question is proposed, its link carrying the ask's proposal: " + confirm.body());
        String token = link.group(1);
        assertTrue(confirm.body().contains("name=\"proposal\" id=\"f-proposal\" value=\"" + token + "\""),
            "the form carries the proposal on");
        assertTrue(confirm.body().contains("Colle pour carrelage mural qui se d"), "the asker's title is kept");
        java.util.Map<String, String> confirmed = new java.util.HashMap<>(question);
        confirmed.put("confirmed", "1");
        confirmed.put("proposal", token);
        var published = b.post("/b/demo/ask", confirmed);
        assertEquals(303, published.statusCode(), "published once confirmed: " + published.body());
        assertTrue(published.headers().firstValue("Location").orElse("").contains("/b/demo/questions/"));
        assertFigures(admin, 1, 0, 1);
    }

    @Test
    void askersWhoStopAtAProposalAreCountedOnceAndShownToTheBrandAdmin() throws Exception {
        plugin = SearchPluginForTests.install(server);
        Community.Member admin = community.demo("admin");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"search\":true}").status());
        long id = community.ask(community.join("demo"), "demo", "Quelle cheville pour fixer une étagère au placo ?",
            "Le mur sonne creux.", null, List.of()).json().get("id").asLong();
        Browser b = new Browser(server.base());
        b.get("/b/demo/login");
        b.post("/b/demo/login", java.util.Map.of("email", "customer@demo.example", "password",
            org.entraide.core.internal.demo.DemoSeeder.PASSWORD, "next", "/b/demo/ask"));
        b.get("/b/demo/ask");
        // the script's calls while the title is typed: one proposal for the ask, whatever the replays
        var holder = new java.util.concurrent.atomic.AtomicReference<java.net.http.HttpResponse<String>>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            holder.set(b.post("/b/demo/ask/proposals", java.util.Map.of("title", "cheville placo étagère", "proposal", "")));
            return holder.get().body().contains("\"id\":" + id);
        });
        var typed = holder.get();
        assertEquals(200, typed.statusCode());
        assertTrue(typed.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(typed.body()).get("proposal").asText();
        var again = b.post("/b/demo/ask/proposals", java.util.Map.of("title", "cheville pour placo", "proposal", token));
        assertTrue(again.body().contains("\"proposal\":\"" + token + "\""), "the same ask: " + again.body());
        assertEquals(400, b.post("/b/demo/ask/proposals", java.util.Map.of("title", "ab")).statusCode(), "too short");
        assertEquals(403, b.postRaw("/b/demo/ask/proposals", "title=cheville+placo", null).statusCode(), "no form token");
        // the asker opens the proposal from the ask page, twice: counted once
        assertEquals(200, b.get("/b/demo/questions/" + id + "?proposal=" + token).statusCode());
        assertEquals(200, b.get("/b/demo/questions/" + id + "?proposal=" + token).statusCode());
        // a visitor following a shared link records nothing
        assertEquals(200, page("/b/demo/questions/" + id + "?proposal=" + token, "en", null).status());
        assertFigures(admin, 1, 1, 0);

        Browser console = new Browser(server.base());
        console.get("/b/demo/login");
        console.post("/b/demo/login", java.util.Map.of("email", "admin@demo.example", "password",
            org.entraide.core.internal.demo.DemoSeeder.PASSWORD, "next", "/b/demo"));
        http.get("/api/v1/brands/demo/search?q=zorglub", null);
        String en = console.get("/b/demo/admin/dashboard").body();
        assertTrue(en.contains("Searches without a result") && en.contains("zorglub"), "the misses: " + en);
        assertTrue(en.contains("100 % of the askers shown similar posts did not ask: they opened one or left (last 30 days, 1 shown)"), "the figure: " + en);
        String fr = console.get("/b/demo/admin/dashboard?lang=fr").body();
        assertTrue(fr.contains("Recherches sans r\u00e9sultat") && fr.contains("100 % des auteurs"), "in French: " + fr);
    }

    /** The brand's figures: asks shown proposals (at least), opened, asked anyway. */
    void assertFigures(Community.Member admin, long shown, long opened, long asked) {
        var f = http.get("/api/v1/brands/demo/search/proposals/figures", admin.token()).json();
        assertTrue(f.get("shown").asLong() >= shown, f.toString());
        assertEquals(opened, f.get("opened").asLong(), f.toString());
        assertEquals(asked, f.get("asked").asLong(), f.toString());
    }
}
