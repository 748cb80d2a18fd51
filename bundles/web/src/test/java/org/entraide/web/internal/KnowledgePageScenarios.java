package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base's pages with the real plugin: staff write an article with the brand's stamp, readers find it in
 * the list and say whether it helped, an accepted answer becomes an article from its thread, which links to it, and
 * the owner's review list; in French and English, without JavaScript.
 */
abstract class KnowledgePageScenarios extends WebTestBase {
    KnowledgePageScenarios(Db db) {
        super(db);
    }

    Http.Response page(String path, String acceptLanguage) {
        var b = http.builder(path, null).GET();
        b.header("Accept-Language", acceptLanguage);
        return http.send(b);
    }

    Browser signedIn(String email) {
        Browser b = new Browser(server.base());
        b.get("/b/demo/login");
        assertEquals(303, b.post("/b/demo/login", Map.of("email", email, "password", DemoSeeder.PASSWORD, "next", "/b/demo"))
            .statusCode());
        return b;
    }

    @Test
    void staffWriteArticlesReadersFindThemAndSayWhetherTheyHelped() throws Exception {
        assertEquals(404, page("/b/demo/articles", "en").status(), "no knowledge base without the capability");
        Plugins.knowledge(server);
        Community.Member admin = community.demo("admin");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"knowledge\":true}").status());

        Browser staff = signedIn("admin@demo.example");
        assertTrue(staff.get("/b/demo/articles/new").body().contains("name=\"title\""), "the writers' form");
        HttpResponse<String> saved = staff.post("/b/demo/articles/new", Map.of("title", "Retour sans ticket",
            "body", "Sous **30 jours** avec la carte. <script>x</script>", "topic", "livraison", "tags", "retour, ticket",
            "language", "fr", "stores", "", "reviewOn", "", "publish", "on", "verified", "on"));
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/b/demo/articles/[0-9]+"), location);
        String path = location.substring(location.indexOf("/b/demo"));
        HttpResponse<String> refused = staff.post("/b/demo/articles/new", Map.of("title", "", "body", "x"));
        assertEquals(400, refused.statusCode(), "a refused form is shown again with the API's reason");

        String en = page(path, "en").raw().body();
        assertTrue(en.contains("Verified by") && en.contains("<strong>30 jours</strong>"), "the brand's stamp: " + en);
        assertFalse(en.contains("<script>x"), "sanitized");
        assertTrue(en.contains("Sign in to say whether it helped"), "readers sign in to vote");
        String fr = page(path, "fr").raw().body();
        assertTrue(fr.contains("Vérifié par") && fr.contains("Cet article vous a-t-il aidé"), "French page");
        assertTrue(page("/b/demo/articles?language=fr&topic=livraison", "en").raw().body().contains("Retour sans ticket"),
            "the list, filtered");
        assertFalse(page("/b/demo/articles?language=en", "en").raw().body().contains("Retour sans ticket"));
        assertFalse(page("/b/demo/articles", "en").raw().body().contains("Write an article"), "the writers' links are theirs");

        Browser reader = signedIn("customer@demo.example");
        reader.get(path);
        assertEquals(400, reader.post(path + "/helpful", Map.of("helpful", "no")).statusCode(), "why, when it did not help");
        assertEquals(303, reader.post(path + "/helpful", Map.of("helpful", "no", "reason", "Pas dans mon magasin")).statusCode());
        assertTrue(reader.get(path + "?voted=1").body().contains("0 found it helpful, 1 did not"), "counted once");
        assertEquals(404, reader.get("/b/demo/articles/new").statusCode(), "readers write nothing");
        assertEquals(404, reader.get("/b/demo/knowledge/reviews").statusCode(), "nor review");
        assertEquals(200, staff.get("/b/demo/knowledge/reviews").statusCode(), "the owner's articles to review");
    }

    @Test
    void anAskerIsProposedTheBrandsArticleAndStoppingThereIsCountedOnce() throws Exception {
        var search = org.entraide.search.internal.SearchPluginForTests.install(server);
        try {
            server.bindWhenInstalled(org.entraide.api.knowledge.Articles.class, search::useArticles);
            Plugins.knowledge(server);
            Community.Member admin = community.demo("admin");
            assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"search\":true,\"knowledge\":true}")
                .status());
            long article = http.post("/api/v1/brands/demo/articles", admin.token(), Http.json("title",
                "Rendre un article sans ticket de caisse", "body", "Sous 30 jours avec la carte de fidélité.", "publish", true))
                .json().get("id").asLong();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> http.get(
                "/api/v1/brands/demo/search/similar?title=" + Site.urlEncode("rendre sans ticket"), null).raw().body()
                .contains("\"id\":" + article));

            Browser asker = signedIn("customer@demo.example");
            asker.get("/b/demo/ask");
            HttpResponse<String> confirm = asker.post("/b/demo/ask", Map.of("title", "Rendre une perceuse sans ticket ?",
                "body", "J'ai perdu le ticket de caisse.", "tags", "", "action", "publish"));
            assertEquals(200, confirm.statusCode(), "a confirmation step first: " + confirm.body());
            java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                "href=\"(/b/demo/articles/" + article + "\\?from=ask&amp;proposal=([A-Za-z0-9_-]{22}))\"").matcher(confirm.body());
            assertTrue(link.find(), "the brand's article is proposed, marked: " + confirm.body());
            assertTrue(confirm.body().contains("the brand&#39;s article") || confirm.body().contains("the brand's article"));
            String href = link.group(1).replace("&amp;", "&");
            assertEquals(200, asker.get(href).statusCode());
            assertEquals(200, asker.get(href).statusCode(), "opened twice");
            var proposals = http.get("/api/v1/brands/demo/search/proposals/figures", admin.token()).json();
            assertEquals(1, proposals.get("opened").asLong(), "the asker stopped at the article, once: " + proposals);
            var deflections = http.get("/api/v1/brands/demo/knowledge/deflections", admin.token()).json();
            assertEquals(1, deflections.get("askers").asLong(), deflections.toString());
        } finally {
            search.close();
        }
    }

    @Test
    void anAcceptedAnswerBecomesAnArticleFromItsThreadWhichLinksToIt() throws Exception {
        Plugins.knowledge(server);
        Community.Member admin = community.demo("admin");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"knowledge\":true}").status());
        Community.Member asker = community.demo("customer");
        long question = community.askId(asker, "Comment fixer une étagère lourde ?");
        long answer = community.answerId(community.demo("lucas"), question);
        community.accept(asker, "demo", question, answer);

        Browser staff = signedIn("moderator@demo.example");
        String thread = staff.get("/b/demo/questions/" + question).body();
        assertTrue(thread.contains("/b/demo/posts/" + answer + "/promote"), "one click from the thread: " + thread);
        HttpResponse<String> promoted = staff.post("/b/demo/posts/" + answer + "/promote", Map.of("publish", "on"));
        assertEquals(303, promoted.statusCode(), promoted.body());
        assertTrue(promoted.headers().firstValue("Location").orElseThrow().endsWith("/edit"), "then edited");
        String after = page("/b/demo/questions/" + question, "en").raw().body();
        assertTrue(after.contains("This thread became an article"), "the thread links to its article: " + after);
        assertFalse(staff.get("/b/demo/questions/" + question).body().contains("/promote\""), "promoted once");
        assertTrue(signedIn("customer@demo.example").get("/b/demo/questions/" + question).body()
            .contains("Comment fixer"), "readers");
        assertFalse(signedIn("customer@demo.example").get("/b/demo/questions/" + question).body().contains("/promote"),
            "readers promote nothing");
    }
}
