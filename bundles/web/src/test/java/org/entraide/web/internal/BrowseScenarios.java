package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** Browsing: paged lists, topic and tag pages, through real HTTP on the real core. Subclasses pick the database. */
abstract class BrowseScenarios extends WebTestBase {
    BrowseScenarios(Db db) {
        super(db);
    }

    private String html(String path, String lang) {
        Http.Response r = http.send(http.builder(path, null).GET().header("Accept-Language", lang));
        assertEquals(200, r.status(), path + ": " + r);
        return r.raw().body();
    }

    private int status(String path) {
        return http.send(http.builder(path, null).GET()).status();
    }

    /** {@code count} questions of the topic "jardin" tagged {@code tag}, asked by three members; newest last. */
    private List<Long> askMany(int count, String tag) {
        var askers = List.of(community.join("demo"), community.join("demo"), community.join("demo"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Response r = community.ask(askers.get(i % askers.size()), "demo", "Paged question number " + i,
                "A body long enough for question " + i + ".", "jardin", List.of(tag));
            assertEquals(201, r.status(), r.toString());
            ids.add(r.json().get("id").asLong());
        }
        return ids;
    }

    @Test
    void everyQuestionListIsPagedWithNumbersAndRelLinks() {
        List<Long> ids = askMany(24, "paging");
        String first = html("/b/demo/questions?tag=paging", "en");
        assertTrue(first.contains("24 questions"), first);
        assertTrue(first.contains("<link rel=\"next\" href=\"http://localhost:8181/b/demo/questions?tag=paging&amp;page=2\">"),
            "the head links the next page, absolute: " + first);
        assertFalse(first.contains("rel=\"prev\""), "the first page has no previous one");
        assertTrue(first.contains("<a href=\"/b/demo/questions?tag=paging&amp;page=2\" rel=\"next\">Next page</a>"),
            "and a visible link to it");
        assertTrue(first.contains("<span aria-current=\"page\">1</span>"), "the current page's number is shown");
        assertTrue(first.contains("href=\"/b/demo/questions/" + ids.get(23) + "\"") && !first.contains("href=\"/b/demo/questions/" + ids.get(3) + "\""),
            "newest first, 20 on a page");
        assertTrue(first.contains("<link rel=\"canonical\" href=\"http://localhost:8181/b/demo/questions?tag=paging\">"));

        String second = html("/b/demo/questions?tag=paging&page=2", "fr");
        assertTrue(second.contains("<link rel=\"prev\" href=\"http://localhost:8181/b/demo/questions?tag=paging\">"),
            "the previous page of page 2 is the list's own address: " + second);
        assertFalse(second.contains("rel=\"next\""), "page 2 is the last");
        assertTrue(second.contains("Page précédente"), "in French");
        for (int i = 0; i < 4; i++) {
            assertTrue(second.contains("href=\"/b/demo/questions/" + ids.get(i) + "\""), "the oldest four are on page 2");
        }
        assertTrue(second.contains("<link rel=\"canonical\" href=\"http://localhost:8181/b/demo/questions?tag=paging&amp;page=2\">"));
        assertEquals(404, status("/b/demo/questions?tag=paging&page=3"), "no page after the last");
        assertEquals(404, status("/b/demo/questions?tag=paging&page=600"), "a page deeper than the API's page numbers "
            + "is no error either");
        assertEquals(200, status("/b/demo/questions?status=nonsense&sort=nonsense&topic=%3Cb%3E&page=x"),
            "filters the list does not know are ignored, not an error");

        String home = html("/b/demo", "en");
        assertTrue(home.contains("<a href=\"/b/demo/questions\">More questions</a>"), "the home's recent list leads to the paged list: " + home);
        assertTrue(home.contains("<a href=\"/b/demo/questions?status=unanswered\">More questions</a>"));
        String filtered = html("/b/demo/questions?status=unanswered&topic=jardin&sort=score", "en");
        assertTrue(filtered.contains("<h1>Unanswered questions</h1>") && filtered.contains("<option value=\"jardin\" selected>"), filtered);
        assertTrue(filtered.contains("href=\"/b/demo/questions?topic=jardin&amp;status=unanswered&amp;sort=score&amp;page=2\""),
            "paging keeps the filters");
        assertTrue(html("/b/demo?tag=paging", "en").contains("href=\"/b/demo/questions?tag=paging&amp;status=unanswered\""),
            "?tag= narrows the home's lists and their links");
    }

    @Test
    void aTopicHasItsPageWithQuestionsUnansweredAndTopContributors() {
        var asker = community.join("demo");
        var helper = community.join("demo");
        long solved = community.ask(asker, "demo", "Quand tailler les rosiers ?", "Fin de l'hiver ou automne ?", "jardin",
            List.of("rosier")).json().get("id").asLong();
        long open = community.ask(asker, "demo", "Quel engrais pour les tomates ?", "Bio de préférence.", "jardin",
            List.of("tomate", "potager")).json().get("id").asLong();
        long elsewhere = community.ask(asker, "demo", "Quelle cheville pour du placo ?", "Pour un miroir.", "bricolage",
            List.of()).json().get("id").asLong();
        long answer = community.answer(helper, "demo", solved, "En fin d'hiver, hors gel.").json().get("id").asLong();
        assertEquals(200, community.accept(asker, "demo", solved, answer).status());

        String topic = html("/b/demo/topics/jardin", "fr");
        assertTrue(topic.contains("<h1>Jardin</h1>"), topic);
        assertTrue(topic.contains("href=\"/b/demo/questions/" + solved + "\"") && topic.contains("href=\"/b/demo/questions/" + open + "\""));
        assertFalse(topic.contains("href=\"/b/demo/questions/" + elsewhere + "\""), "only the topic's questions");
        String unanswered = topic.substring(topic.indexOf("id=\"unanswered-h\""), topic.indexOf("id=\"contributors-h\""));
        assertTrue(unanswered.contains("/questions/" + open + "\"") && !unanswered.contains("/questions/" + solved + "\""),
            "its unanswered questions apart");
        String contributors = topic.substring(topic.indexOf("id=\"contributors-h\""));
        assertTrue(contributors.contains("Meilleurs contributeurs"), contributors);
        assertTrue(contributors.indexOf(helper.pseudonym()) >= 0
                && contributors.indexOf(helper.pseudonym()) < contributors.indexOf("Camille"),
            "the member with an accepted answer comes before the demo's answerer: " + contributors);
        assertTrue(contributors.contains("1 réponses, dont 1 acceptées"), contributors);
        assertTrue(topic.contains("href=\"/b/demo/ask?topic=jardin\""), "asking in the topic");

        var api = http.get("/api/v1/brands/demo/contributors?topic=jardin", null).json().get("items");
        assertEquals(helper.id(), api.get(0).get("id").asLong());
        assertEquals(1, api.get(0).get("acceptedAnswers").asInt());
        assertFalse(api.get(0).get("expert").asBoolean(), "no badges capability, no expert");
        assertEquals(400, http.get("/api/v1/brands/demo/contributors?period=all", null).status(), "an unknown parameter");

        String question = html("/b/demo/questions/" + open, "en");
        assertTrue(question.contains("<a class=\"topic\" href=\"/b/demo/topics/jardin\">Jardin</a>"), "a question links its topic: " + question);
        assertTrue(question.contains("<a class=\"tag\" href=\"/b/demo/tags/potager\" rel=\"tag\">potager</a>")
            && question.contains("href=\"/b/demo/tags/tomate\""), "and shows its tags as links");
        String home = html("/b/demo", "en");
        assertTrue(home.contains("<a href=\"/b/demo/topics/jardin\">Jardin</a>"), "the home's topics are links");
        assertTrue(home.contains("href=\"/b/demo/tags/rosier\""), "lists show each question's tags");
        assertEquals(404, status("/b/demo/topics/no-such-topic"));
    }

    @Test
    void aTagHasItsPageAndAnUnknownTagIsNone() {
        var asker = community.join("demo");
        long tagged = community.ask(asker, "demo", "Which lawnmower for a slope?", "My garden is steep.", null,
            List.of("tondeuse")).json().get("id").asLong();
        community.ask(asker, "demo", "Which hedge trimmer?", "For a long hedge.", null, List.of("taille-haie"));
        String tag = html("/b/demo/tags/tondeuse", "en");
        assertTrue(tag.contains("<h1>Tag: tondeuse</h1>"), tag);
        assertTrue(tag.contains("href=\"/b/demo/questions/" + tagged + "\"") && !tag.contains("Which hedge trimmer?"));
        assertTrue(html("/b/demo/tags/tondeuse", "fr").contains("Étiquette : tondeuse"));
        assertEquals(404, status("/b/demo/tags/nothing-tagged"), "a tag exists through its questions");
        assertEquals(404, status("/b/demo/tags/tondeuse?page=2"));
    }

    @Test
    void complaintsAreListedFilteredAndPagedWithoutTheirAuthors() {
        var shown = community.join("demo");
        var quiet = community.join("demo");
        long lille = community.complaintId(shown, "LILLE-EURALILLE", true);
        List<Long> bordeaux = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            bordeaux.add(community.complaintId(quiet, "BORDEAUX-LAC", false));
        }
        assertEquals(201, community.respond(community.demo("admin"), "demo", lille, "Nous revenons vers vous.").status());

        String all = html("/b/demo/complaints", "en");
        assertTrue(all.contains("25 complaints"), "the demo's three and ours: " + all);
        assertFalse(all.contains(shown.pseudonym()) || all.contains(quiet.pseudonym()) || all.contains("Lucas"),
            "no complainant is named in the list, not even one who shows their pseudonym on their complaint's page");
        assertTrue(all.contains("rel=\"next\""), "paged");
        String lilleOnly = html("/b/demo/complaints?city=LILLE&status=ANSWERED&period=30d", "fr");
        assertTrue(lilleOnly.contains("1 réclamations") && lilleOnly.contains("href=\"/b/demo/complaints/" + lille + "\""), lilleOnly);
        assertTrue(lilleOnly.contains("Répondue") && lilleOnly.contains("<option value=\"ANSWERED\" selected>"), "in French, filters kept");
        assertTrue(html("/b/demo/complaints?city=Lille&status=OPEN", "en").contains("0 complaints"), "status filters");
        assertTrue(html("/b/demo/complaints?store=BORDEAUX-LAC&page=2", "en").contains("href=\"/b/demo/complaints/" + bordeaux.get(0) + "\""),
            "the oldest on the second page");
        assertEquals(404, status("/b/demo/complaints?store=BORDEAUX-LAC&page=3"));
        assertEquals(200, status("/b/demo/complaints?status=nonsense&period=forever&store=%3C"), "unknown filters are ignored");

        var api = http.get("/api/v1/brands/demo/complaints?city=bordeaux&since=2000-01-01&until=2999-12-31&size=100", null);
        assertEquals(21, api.json().get("total").asInt(), api.toString());
        assertEquals(0, http.get("/api/v1/brands/demo/complaints?since=2999-01-01", null).json().get("total").asInt());
        assertEquals(400, http.get("/api/v1/brands/demo/complaints?since=yesterday", null).status());
        assertEquals(0, http.get("/api/v1/brands/demo/complaints?until=2000-01-01", null).json().get("total").asInt());

        String store = html("/b/demo/stores/BORDEAUX-LAC", "en");
        assertTrue(store.contains("21 complaints"), "the store's page counts its complaints like the list: " + store);
        assertTrue(store.contains("<link rel=\"next\" href=\"http://localhost:8181/b/demo/stores/BORDEAUX-LAC?page=2\">"), store);
        assertTrue(store.contains("href=\"/b/demo/complaints?store=BORDEAUX-LAC\""), "and links to them in the list");
        assertTrue(html("/b/demo/stores/BORDEAUX-LAC?page=2", "en").contains("href=\"/b/demo/complaints/" + bordeaux.get(0) + "\""));
        assertTrue(html("/b/demo", "en").contains("href=\"/b/demo/complaints\""), "the home links the complaints");
    }

    @Test
    void topicsTagsAndStoresHaveAtomFeedsWithAbsoluteAddresses() throws Exception {
        routes.configure(WebScenarios.config("https://community.localhost/help"));
        var asker = community.join("demo");
        long question = community.ask(asker, "demo", "Gazon & <mousse> : que faire ?", "Le gazon est envahi de mousse.",
            "jardin", List.of("gazon")).json().get("id").asLong();
        var complainant = community.join("demo");
        long complaint = community.complaintId(complainant, "LILLE-EURALILLE", true);

        Http.Response topic = http.send(http.builder("/b/demo/topics/jardin/feed.atom", null).GET().header("Accept-Language", "fr"));
        assertEquals(200, topic.status(), topic.toString());
        assertTrue(topic.header("Content-Type").startsWith("application/atom+xml"), topic.header("Content-Type"));
        org.w3c.dom.Document feed = atom(topic.raw().body());
        var root = feed.getDocumentElement();
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
        assertEquals("https://community.localhost/help/b/demo/topics/jardin", text(root, "id"));
        assertTrue(text(root, "title").startsWith("Questions : Jardin"), text(root, "title"));
        assertTrue(root.getElementsByTagNameNS(ATOM, "updated").getLength() > 0 && text(root, "author").contains("Maison"));
        var first = (org.w3c.dom.Element) root.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertEquals("https://community.localhost/help/b/demo/questions/" + question, text(first, "id"), "newest first, absolute");
        assertEquals("Gazon & <mousse> : que faire ?", text(first, "title"), "escaped, then read back as written");
        assertEquals("gazon", ((org.w3c.dom.Element) first.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"));

        var tag = atom(http.get("/b/demo/tags/gazon/feed.atom", null).raw().body()).getDocumentElement();
        assertEquals(1, tag.getElementsByTagNameNS(ATOM, "entry").getLength());
        String store = http.get("/b/demo/stores/LILLE-EURALILLE/feed.atom", null).raw().body();
        var storeFeed = atom(store).getDocumentElement();
        assertEquals("https://community.localhost/help/b/demo/complaints/" + complaint,
            text((org.w3c.dom.Element) storeFeed.getElementsByTagNameNS(ATOM, "entry").item(0), "id"));
        assertFalse(store.contains(complainant.pseudonym()), "a complaint's entry names no complainant");
        assertEquals(404, status("/b/demo/topics/nothing/feed.atom"));
        assertEquals(404, status("/b/demo/tags/nothing/feed.atom"));
        assertEquals(404, status("/b/demo/stores/NOWHERE/feed.atom"));

        for (String page : List.of("/b/demo/topics/jardin", "/b/demo/tags/gazon", "/b/demo/stores/LILLE-EURALILLE")) {
            String html = html(page, "en");
            assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\"") 
                && html.contains("href=\"https://community.localhost/help" + page + "/feed.atom\">"), page + " links its feed: " + html);
            assertTrue(html.contains("<a href=\"" + page + "/feed.atom\" type=\"application/atom+xml\">"), "visibly too");
        }
    }

    @Test
    void sitemapsAreAnIndexOfFilesOfAtMostTheConfiguredNumberOfAddresses() throws Exception {
        routes.configure(WebScenarios.config("https://community.localhost", 2));
        var asker = community.join("demo");
        var helper = community.join("demo");
        long question = community.ask(asker, "demo", "Quel terreau pour les semis ?", "Pour des tomates.", "jardin",
            List.of("semis")).json().get("id").asLong();
        community.answerId(helper, question);
        long complaint = community.complaintId(asker, "LILLE-EURALILLE", false);
        long deleted = community.askId(asker, "A question deleted by its author");
        assertEquals(204, http.delete("/api/v1/brands/demo/posts/" + deleted, asker.token()).status());

        var kinds = http.get("/api/v1/brands/demo/sitemap", null).json().get("items");
        long questions = 0;
        for (var k : kinds) {
            if (k.get("kind").asText().equals("question")) {
                questions = k.get("count").asLong();
            }
        }
        assertEquals(4, questions, "the demo's three and ours, not the deleted one: " + kinds);

        String index = http.get("/b/demo/sitemap.xml", null).raw().body();
        var root = xml(index).getDocumentElement();
        assertEquals("sitemapindex", root.getLocalName());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", root.getNamespaceURI());
        assertTrue(index.contains("<loc>https://community.localhost/b/demo/sitemaps/question-2.xml</loc>")
            && !index.contains("question-3.xml"), "4 questions in files of 2: " + index);
        List<String> all = new ArrayList<>();
        var locs = root.getElementsByTagNameNS(SITEMAP, "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            String file = locs.item(i).getTextContent().replace("https://community.localhost", "");
            Http.Response r = http.get(file, null);
            assertEquals(200, r.status(), file);
            assertTrue(r.header("Content-Type").startsWith("application/xml"));
            var urls = xml(r.raw().body()).getDocumentElement().getElementsByTagNameNS(SITEMAP, "url");
            assertTrue(urls.getLength() >= 1 && urls.getLength() <= 2, file + " holds at most 2 addresses");
            for (int u = 0; u < urls.getLength(); u++) {
                var url = (org.w3c.dom.Element) urls.item(u);
                all.add(url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent());
                if (!file.contains("/store-") && !file.contains("/topic-")) {
                    assertEquals(1, url.getElementsByTagNameNS(SITEMAP, "lastmod").getLength(), "with its last change: " + file);
                }
            }
        }
        String base = "https://community.localhost/b/demo";
        for (String expected : List.of(base, base + "/questions/" + question, base + "/complaints/" + complaint,
                base + "/stores/LILLE-EURALILLE", base + "/topics/jardin", base + "/tags/semis", base + "/users/" + helper.id(),
                base + "/users/" + asker.id())) {
            assertTrue(all.contains(expected), expected + " is in a sitemap: " + all);
        }
        assertFalse(all.contains(base + "/questions/" + deleted), "never a deleted question");
        assertEquals(all.size(), new java.util.HashSet<>(all).size(), "each address once");
        assertEquals(404, status("/b/demo/sitemaps/question-3.xml"));
        assertEquals(404, status("/b/demo/sitemaps/pages-3.xml"), "3 list pages in files of 2");
        assertEquals(400, http.get("/api/v1/brands/demo/sitemap/question?size=50001", null).status());
        assertEquals(404, http.get("/api/v1/brands/demo/sitemap/vote", null).status());
    }

    @Test
    void moderatorsCloseAQuestionAsADuplicateAndItsPageLeadsToTheOriginal() {
        var asker = community.join("demo");
        var helper = community.join("demo");
        long original = community.ask(asker, "demo", "Comment reboucher un trou dans le placo ?", "Un trou de 5 cm.", "bricolage",
            List.of()).json().get("id").asLong();
        long duplicate = community.ask(helper, "demo", "Réparer un trou dans une plaque de plâtre", "Un trou de poing.",
            "bricolage", List.of()).json().get("id").asLong();
        long answer = community.answer(asker, "demo", duplicate, "Avec un enduit de rebouchage.").json().get("id").asLong();
        assertEquals(200, community.vote(asker, "demo", duplicate, 1).status());

        assertEquals(403, http.put("/api/v1/brands/demo/questions/" + duplicate + "/duplicate", helper.token(),
            Http.json("originalId", original)).status(), "a member without the role may not");
        Browser moderator = new Browser(server.base());
        assertEquals(303, moderator.submit("/b/demo/login", "/b/demo/login", java.util.Map.of("email", "moderator@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        String before = moderator.get("/b/demo/questions/" + duplicate + "?lang=fr").body();
        assertTrue(before.contains("Fermer comme doublon"), "moderators see the form: " + before);
        var closed = moderator.post("/b/demo/questions/" + duplicate + "/duplicate",
            java.util.Map.of("original", "https://community.localhost/b/demo/questions/" + original));
        assertEquals(303, closed.statusCode(), closed.body());

        String page = html("/b/demo/questions/" + duplicate, "en");
        assertTrue(page.contains("closed as a duplicate") && page.contains("<a href=\"/b/demo/questions/" + original + "\">"),
            "readers are sent to the original: " + page);
        assertTrue(page.contains("id=\"answer-" + answer + "\"") && page.contains("<span class=\"score\">1</span>"),
            "its answers and votes stay visible");
        assertFalse(html("/b/demo/questions/" + original, "en").contains("closed as a duplicate"));
        assertFalse(html("/b/demo/questions/" + duplicate, "en").contains("Close as a duplicate"), "visitors never see the form");
        assertEquals(409, http.put("/api/v1/brands/demo/questions/" + duplicate + "/duplicate", community.demo("admin").token(),
            Http.json("originalId", original)).status(), "closed once");
        assertEquals(400, http.put("/api/v1/brands/demo/questions/" + original + "/duplicate", community.demo("admin").token(),
            Http.json("originalId", duplicate)).status(), "a duplicate is never an original");
        assertEquals(original, http.get("/api/v1/brands/demo/questions/" + duplicate + "/duplicate", null).json()
            .get("original").get("id").asLong());
        assertEquals(1L, (long) server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.count(c,
            "SELECT COUNT(*) FROM domain_event WHERE event_type = 'question.closed-as-duplicate' AND subject_id = ?", duplicate)),
            "one event for it");

        long unansweredCopy = community.ask(helper, "demo", "Boucher un trou dans du placo", "Un petit trou.", "bricolage",
            List.of()).json().get("id").asLong();
        assertTrue(unansweredIds().contains(unansweredCopy), "unanswered until closed");
        assertEquals(200, http.put("/api/v1/brands/demo/questions/" + unansweredCopy + "/duplicate", community.demo("admin").token(),
            Http.json("originalId", original)).status());
        assertFalse(unansweredIds().contains(unansweredCopy), "a closed duplicate waits for no answer");
        assertTrue(unansweredIds().contains(original), "its original still does");
    }

    @Test
    void complaintsAreFilteredByRegionOnlyWhileLocalManagersAreOn() throws Exception {
        var member = community.join("demo");
        long lyon = community.complaintId(member, "LYON-PARTDIEU", false);
        long paris = community.complaintId(member, "PARIS-BERCY", false);
        String without = html("/b/demo/complaints?region=SUD-EST", "en");
        assertFalse(without.contains("id=\"f-region\""), "no region filter without local managers");
        assertTrue(without.contains("/b/demo/complaints/" + paris + "\"") && without.contains("/b/demo/complaints/" + lyon + "\""),
            "the parameter is ignored, not an error");

        Plugins.localManagers(server);
        String admin = community.demo("admin").token();
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"local-managers\":true}").status());
        assertEquals(200, http.put("/api/v1/brands/demo/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\"}").status());
        assertEquals(200, http.put("/api/v1/brands/demo/regions/VIDE", admin, "{\"name\":\"Vide\"}").status());
        assertEquals(200, http.put("/api/v1/brands/demo/stores/LYON-PARTDIEU/settings", admin, "{\"timeZone\":\"Europe/Paris\","
            + "\"hours\":{\"MONDAY\":[\"09:00-19:00\"]},\"region\":\"SUD-EST\"}").status());
        JsonNode regions = http.get("/api/v1/brands/demo/regions", null).json();
        assertTrue(regions.toString().contains("{\"code\":\"SUD-EST\",\"name\":\"Sud-Est\",\"stores\":[\"LYON-PARTDIEU\"]}"),
            "each region with its stores' codes: " + regions);

        String fr = html("/b/demo/complaints?region=SUD-EST", "fr");
        assertTrue(fr.contains("<label for=\"f-region\">Région</label>") && fr.contains("<option value=\"SUD-EST\" selected>"), fr);
        assertTrue(fr.contains("/b/demo/complaints/" + lyon + "\""), "the region's store's complaint");
        assertFalse(fr.contains("/b/demo/complaints/" + paris + "\""), "not another region's: " + fr);
        assertFalse(html("/b/demo/complaints?region=VIDE", "en").contains("/b/demo/complaints/" + lyon + "\""),
            "a region without stores has no complaints");
        assertTrue(html("/b/demo/complaints?region=NOWHERE", "en").contains("/b/demo/complaints/" + paris + "\""),
            "an unknown region is ignored");

        // the API: a region's codes passed to the core's list
        JsonNode listed = http.get("/api/v1/brands/demo/complaints?stores=LYON-PARTDIEU,BORDEAUX-LAC&size=100", null).json();
        assertTrue(listed.toString().contains("\"id\":" + lyon + ",") && !listed.toString().contains("\"id\":" + paris + ","),
            listed.toString());
        assertEquals(400, http.get("/api/v1/brands/demo/complaints?stores=LYON;PARIS", null).status());
    }

    @Test
    void membersAboveTheBrandsReputationThresholdCloseADuplicateFromItsPage() throws Exception {
        Plugins.reputation(server);
        String admin = community.demo("admin").token();
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"reputation\":true}").status());
        assertEquals(200, http.put("/api/v1/brands/demo/reputation/privileges", admin, "{\"close-duplicate\":2}").status());
        assertEquals(2, http.get("/api/v1/brands/demo/reputation/privileges", null).json().get("close-duplicate").asInt(),
            "a published privilege");
        var asker = community.join("demo");
        long original = community.ask(asker, "demo", "Quelle peinture pour une salle de bain ?", "Humide.", "bricolage",
            List.of()).json().get("id").asLong();
        long duplicate = community.ask(asker, "demo", "Peinture pour pièce humide", "Une salle d'eau.", "bricolage",
            List.of()).json().get("id").asLong();
        Browser member = new Browser(server.base());
        var signer = community.join("demo");
        assertEquals(303, member.submit("/b/demo/login", "/b/demo/login", java.util.Map.of("email", signer.email(),
            "password", "long-enough-password")).statusCode());

        // below the threshold (a new member has 1): neither the form nor the operation
        assertFalse(member.get("/b/demo/questions/" + duplicate + "?lang=fr").body().contains("Fermer comme doublon"));
        assertFalse(http.get("/api/v1/brands/demo/questions/" + duplicate, signer.token()).json().get("mayCloseAsDuplicate").asBoolean());
        assertEquals(403, http.put("/api/v1/brands/demo/questions/" + duplicate + "/duplicate", signer.token(),
            Http.json("originalId", original)).status(), "below the threshold");

        assertEquals(200, http.put("/api/v1/brands/demo/reputation/privileges", admin, "{\"close-duplicate\":1}").status());
        assertTrue(http.get("/api/v1/brands/demo/questions/" + duplicate, signer.token()).json().get("mayCloseAsDuplicate").asBoolean());
        assertFalse(http.get("/api/v1/brands/demo/questions/" + duplicate, null).json().get("mayCloseAsDuplicate").asBoolean(),
            "never for a visitor");
        assertTrue(member.get("/b/demo/questions/" + duplicate + "?lang=fr").body().contains("Fermer comme doublon"),
            "the member at the threshold sees the form");
        var closed = member.post("/b/demo/questions/" + duplicate + "/duplicate", java.util.Map.of("original", "#" + original));
        assertEquals(303, closed.statusCode(), closed.body());
        JsonNode read = http.get("/api/v1/brands/demo/questions/" + duplicate, null).json();
        assertEquals(original, read.get("duplicateOf").get("id").asLong(), "the notice comes with the question: " + read);
        assertFalse(read.get("mayCloseAsDuplicate").asBoolean());
        assertEquals(1L, (long) server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.count(c,
            "SELECT COUNT(*) FROM domain_event WHERE event_type = 'question.closed-as-duplicate' AND subject_id = ? AND actor_id = ?",
            duplicate, signer.id())), "closed once, by the member");

        // reputation off for the brand: the privilege goes with it
        long another = community.ask(asker, "demo", "Peindre une salle d'eau", "Quelle finition ?", "bricolage", List.of())
            .json().get("id").asLong();
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin, "{\"reputation\":false}").status());
        assertEquals(403, http.put("/api/v1/brands/demo/questions/" + another + "/duplicate", signer.token(),
            Http.json("originalId", original)).status(), "no reputation, no privilege");
    }

    private List<Long> unansweredIds() {
        var items = http.get("/api/v1/brands/demo/questions?status=unanswered&size=100", null).json().get("items");
        List<Long> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void membersCommentUnderAQuestionAndAnAnswerEditAndDeleteTheirOwn() {
        var asker = community.join("demo");
        var answerer = community.join("demo");
        long q = community.ask(asker, "demo", "Quelle colle pour du carrelage mural ?", "Dans une salle de bain.", "bricolage",
            List.of()).json().get("id").asLong();
        long answer = community.answer(answerer, "demo", q, "Une colle en pâte.").json().get("id").asLong();
        Browser browser = new Browser(server.base());
        assertEquals(303, browser.submit("/b/demo/login", "/b/demo/login", java.util.Map.of("email", asker.email(),
            "password", "long-enough-password")).statusCode());
        String before = browser.get("/b/demo/questions/" + q + "?lang=fr").body();
        assertTrue(before.contains("Ajouter un commentaire") && before.contains("mentions-1.js"),
            "a signed-in member sees the comment forms and the mention script: " + before);
        assertFalse(html("/b/demo/questions/" + q, "en").contains("Add a comment"), "visitors see no comment form");

        var added = browser.post("/b/demo/posts/" + answer + "/comments", java.util.Map.of("question", String.valueOf(q),
            "body", "Merci @" + answerer.pseudonym() + ", **même** au-dessus de la douche ?"));
        assertEquals(303, added.statusCode(), added.body());
        String page = html("/b/demo/questions/" + q, "en");
        assertTrue(page.contains("<strong>même</strong>") && page.contains("href=\"/b/demo/users/" + answerer.id() + "\""),
            "everyone reads the comment, its mention a link to the profile: " + page);
        long comment = http.get("/api/v1/brands/demo/posts/" + answer + "/comments", null).json().get("items").get(0)
            .get("id").asLong();
        var edited = browser.post("/b/demo/comments/" + comment + "/edit", java.util.Map.of("question", String.valueOf(q),
            "body", "Et au-dessus de la baignoire ?"));
        assertEquals(303, edited.statusCode(), edited.body());
        assertTrue(html("/b/demo/questions/" + q, "fr").contains("Et au-dessus de la baignoire ?"), "the edit shows");
        var tooLong = browser.post("/b/demo/posts/" + q + "/comments", java.util.Map.of("question", String.valueOf(q),
            "body", "x".repeat(601)));
        assertEquals(400, tooLong.statusCode(), "too long a comment is refused: " + tooLong.body());
        var deleted = browser.post("/b/demo/comments/" + comment + "/delete", java.util.Map.of("question", String.valueOf(q)));
        assertEquals(303, deleted.statusCode(), deleted.body());
        assertFalse(html("/b/demo/questions/" + q, "fr").contains("baignoire"), "a deleted comment is gone");

        String members = browser.get("/b/demo/members.json?prefix=" + answerer.pseudonym().substring(0, 7)).body();
        assertTrue(members.contains(answerer.pseudonym()) && !members.contains("@"), "the autocomplete: pseudonyms only: "
            + members);
    }

    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static org.w3c.dom.Document xml(String xml) throws Exception {
        return atom(xml);
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static org.w3c.dom.Document atom(String xml) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    }

    @Test
    void adminsNoteAnAnswerFromItsPageAndEveryReaderSeesItAboveTheAnswer() {
        var asker = community.join("demo");
        var helper = community.join("demo");
        long question = community.ask(asker, "demo", "Reprenez-vous les pots de peinture ouverts ?", "Un pot entamé.",
            "bricolage", List.of()).json().get("id").asLong();
        long answer = community.answer(helper, "demo", question, "Oui, sous 30 jours.").json().get("id").asLong();
        assertFalse(html("/b/demo/questions/" + question, "fr").contains("Ajouter une note officielle"), "visitors see no form");

        Browser member = new Browser(server.base());
        assertEquals(303, member.submit("/b/demo/login", "/b/demo/login", java.util.Map.of("email", asker.email(),
            "password", "long-enough-password")).statusCode());
        assertFalse(member.get("/b/demo/questions/" + question).body().contains("staff-note"), "members see no form");
        var refused = member.post("/b/demo/posts/" + answer + "/staff-note", java.util.Map.of("body", "Faux.",
            "question", String.valueOf(question)));
        assertEquals(403, refused.statusCode(), "a forged form from a member is refused by the API");

        Browser admin = new Browser(server.base());
        assertEquals(303, admin.submit("/b/demo/login", "/b/demo/login", java.util.Map.of("email", "admin@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        assertTrue(admin.get("/b/demo/questions/" + question + "?lang=fr").body().contains("Ajouter une note officielle"),
            "admins see the form");
        var saved = admin.post("/b/demo/posts/" + answer + "/staff-note", java.util.Map.of("body",
            "Ce n'est **plus** notre politique depuis mars. <script>alert(1)</script>", "question", String.valueOf(question)));
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(saved.headers().firstValue("Location").orElse("").endsWith("/questions/" + question + "#answer-" + answer));

        String page = html("/b/demo/questions/" + question, "fr");
        int note = page.indexOf("class=\"staff-note\"");
        assertTrue(note > 0 && note > page.indexOf("id=\"answer-" + answer + "\"") && note < page.indexOf("<p>Oui, sous 30 jours."),
            "the note is shown above the answer: " + page);
        assertTrue(page.contains("Note officielle") && page.contains("<strong>plus</strong>"), "labelled and rendered");
        assertFalse(page.contains("<script>alert(1)"), "a script in a note is inert");
        assertTrue(html("/b/demo/questions/" + question, "en").contains("Official note"), "in English too");

        assertEquals(303, admin.post("/b/demo/posts/" + answer + "/staff-note/deletion", java.util.Map.of("question",
            String.valueOf(question))).statusCode());
        assertFalse(html("/b/demo/questions/" + question, "fr").contains("class=\"staff-note\""), "removed");
    }

    @Test
    void anAdminCreatesAnApiKeySeenOnceThenRevokesIt() {
        Browser admin = new Browser(server.base());
        assertEquals(303, admin.submit("/b/demo/login", "/b/demo/login", java.util.Map.of("email", "admin@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        String before = admin.get("/b/demo/admin?lang=fr").body();
        assertTrue(before.contains("Clés d'API") || before.contains("Cl&eacute;s d'API") || before.contains("Clés d&#39;API"),
            "the admin page has the section");
        var missing = admin.post("/b/demo/admin/api-keys", java.util.Map.of("keyName", "CRM"));
        assertEquals(422, missing.statusCode(), "a key needs a scope");
        var created = admin.post("/b/demo/admin/api-keys", java.util.Map.of("keyName", "CRM page",
            "scope-complaints:read", "on", "scope-questions:read", "on"));
        assertEquals(201, created.statusCode(), created.body());
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("ek_[0-9a-f]{8}_[A-Za-z0-9_-]{43}").matcher(created.body());
        assertTrue(key.find(), "the key is shown once: " + created.body());
        String secret = key.group();
        assertEquals(200, http.get("/api/v1/brands/demo/questions", secret).status(), "and works");
        String list = admin.get("/b/demo/admin").body();
        assertFalse(list.contains(secret), "never shown again");
        assertTrue(list.contains("ek_" + secret.substring(3, 11) + "_"), "listed by its prefix");

        long id = server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.one(c, "SELECT id FROM api_key WHERE secret_hash = ?",
            rs -> rs.getLong(1), org.entraide.core.internal.security.Tokens.digest(secret)).orElseThrow());
        assertEquals(303, admin.post("/b/demo/admin/api-keys/" + id + "/revocation", java.util.Map.of()).statusCode());
        assertEquals(401, http.get("/api/v1/brands/demo/questions", secret).status(), "revoked");
    }

    private static String text(org.w3c.dom.Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }
}
