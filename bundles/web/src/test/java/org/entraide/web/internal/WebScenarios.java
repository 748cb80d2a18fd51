package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;


import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** The public pages rendered by the real core's API on a real database. Subclasses pick H2 or PostgreSQL. */
abstract class WebScenarios extends WebTestBase {
    WebScenarios(Db db) {
        super(db);
    }

    Http.Response page(String path, String acceptLanguage) {
        var b = http.builder(path, null).GET();
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return http.send(b);
    }

    @Test
    void brandHomeListsQuestionsAndEscapesTitles() {
        var asker = community.join("demo");
        long id = community.ask(asker, "demo", "Is <b>this</b> & that escaped?", "A body long enough to be a question.", null, List.of())
            .json().get("id").asLong();
        Http.Response r = page("/b/demo", "en");
        assertEquals(200, r.status(), r.toString());
        String html = r.raw().body();
        assertTrue(html.contains("href=\"/b/demo/questions/" + id + "\""), html);
        assertTrue(html.contains("Is &lt;b&gt;this&lt;/b&gt; &amp; that escaped?"), html);
        assertFalse(html.contains("<b>this</b>"));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"http://localhost:8181/b/demo\">"), "canonical links are absolute, on the public base URL");
        assertTrue(html.contains("Recent questions"));
        assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"));
        assertTrue(r.header("Content-Type").startsWith("text/html"));
        assertEquals("public, max-age=1", r.header("Cache-Control"), "the same for every visitor: shared a second at most");
        assertEquals(null, r.header("Set-Cookie"), "reading a public page sets no cookie");
    }

    @Test
    void questionPageShowsAcceptedAnswerFirstWithQaPageMarkup() {
        var asker = community.join("demo");
        var helper = community.join("demo");
        var other = community.join("demo");
        long id = community.ask(asker, "demo", "How do I return a parcel?", "I want to send back a parcel I received.", null, List.of())
            .json().get("id").asLong();
        long first = community.answer(other, "demo", id, "Ask the store **first**.").json().get("id").asLong();
        long second = community.answer(helper, "demo", id, "Use the return form in your account.").json().get("id").asLong();
        assertEquals(200, community.accept(asker, "demo", id, second).status());
        Http.Response r = page("/b/demo/questions/" + id, "fr-FR,fr;q=0.9");
        assertEquals(200, r.status(), r.toString());
        String html = r.raw().body();
        assertTrue(html.contains("<html lang=\"fr\">"));
        assertTrue(html.indexOf("id=\"answer-" + second + "\"") < html.indexOf("id=\"answer-" + first + "\""), html);
        assertTrue(html.contains("Réponse acceptée"));
        assertTrue(html.contains("<strong>first</strong>"), "the core's sanitized HTML is rendered as HTML");
        assertTrue(html.contains("\"@type\":\"QAPage\""));
        assertTrue(html.contains("\"acceptedAnswer\""));
    }

    @Test
    void editedAndDeletedPostsAreLabelledInFrench() {
        var asker = community.join("demo");
        var helper = community.join("demo");
        long id = community.ask(asker, "demo", "Quelle cheville pour du placo ?", "Pour un miroir lourd.", null, List.of())
            .json().get("id").asLong();
        long answer = community.answer(helper, "demo", id, "Des chevilles Molly.").json().get("id").asLong();
        assertEquals(200, http.put("/api/v1/brands/demo/posts/" + id, asker.token(), Http.json("body", "Pour un miroir de 20 kg."))
            .status());
        assertEquals(204, http.delete("/api/v1/brands/demo/posts/" + answer, helper.token()).status());
        String html = page("/b/demo/questions/" + id, "fr").raw().body();
        assertTrue(html.contains("modifié à l"), "the question says it was edited: " + html);
        assertTrue(html.contains("href=\"/b/demo/posts/" + id + "/history?question=" + id + "\""), "linking to its history");
        assertTrue(html.contains("Supprimé par son auteur."), "the answer says it was deleted by its author");
        assertFalse(html.contains("Des chevilles Molly."), "without its text");
        String history = page("/b/demo/posts/" + id + "/history", "fr").raw().body();
        assertTrue(history.contains("Version 2") && history.contains("<ins>+ Pour un miroir de 20 kg.</ins>"), history);
    }

    @Test
    void aQuestionAboutAStoreIsShownWithItAndOnTheStorePage() {
        var asker = community.join("demo");
        Http.Response asked = http.post("/api/v1/brands/demo/questions", asker.token(), Http.json("title",
            "Le rayon jardin est-il ouvert ?", "body", "Je voudrais venir dimanche.", "storeCode", "LYON-PARTDIEU"));
        assertEquals(201, asked.status(), asked.toString());
        long id = asked.json().get("id").asLong();
        String question = page("/b/demo/questions/" + id, "fr").raw().body();
        assertTrue(question.contains("href=\"/b/demo/stores/LYON-PARTDIEU\""), "the question links to its store: " + question);
        String store = page("/b/demo/stores/LYON-PARTDIEU", "en").raw().body();
        assertTrue(store.contains("Questions about this store"), store);
        assertTrue(store.contains("href=\"/b/demo/questions/" + id + "\""), "the store page lists it: " + store);
        assertTrue(store.contains("href=\"/b/demo/ask?store=LYON-PARTDIEU\""), "and offers to ask another");
    }

    @Test
    void sitemapListsTheBrandsQuestionsWithAbsoluteAddresses() {
        var asker = community.join("demo");
        long id = community.ask(asker, "demo", "Where is my loyalty card?", "I cannot find it in the app anymore.", null, List.of())
            .json().get("id").asLong();
        routes.configure(config("https://community.localhost/help/"));
        Http.Response r = page("/b/demo/sitemap.xml", null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/xml"));
        assertTrue(r.raw().body().contains("<sitemap><loc>https://community.localhost/help/b/demo/sitemaps/question-1.xml</loc>"),
            "the index of the brand's sitemaps, on the configured public base URL: " + r.raw().body());
        String questions = page("/b/demo/sitemaps/question-1.xml", null).raw().body();
        assertTrue(questions.contains("<loc>https://community.localhost/help/b/demo/questions/" + id + "</loc><lastmod>"),
            "built on the configured public base URL: " + questions);
        assertEquals(404, page("/b/no-such-brand/sitemap.xml", null).status());
    }

    @Test
    void absoluteLinksNeverComeFromTheHostHeader() throws Exception {
        var asker = community.join("demo");
        long id = community.ask(asker, "demo", "Is the Host header trusted?", "It should never be.", null, List.of())
            .json().get("id").asLong();
        routes.configure(config("https://community.localhost"));
        for (String path : List.of("/b/demo/sitemap.xml", "/b/demo/questions/" + id, "/b/demo")) {
            String raw = rawGet(path, "evil.localhost");
            assertFalse(raw.contains("evil.localhost"), path + " never repeats a forged Host header: " + raw);
            assertTrue(raw.contains("https://community.localhost/b/demo"), path + " links to the configured base URL: " + raw);
        }
        assertThrows(IllegalArgumentException.class, () -> routes.configure(config("not a url")),
            "an invalid public.base.url fails the configuration, naming the key");
    }

    private String rawGet(String path, String host) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port)) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static WebConfig config(String publicBase) {
        return config(publicBase, 50_000);
    }

    static WebConfig config(String publicBase, int sitemapMaxUrls) {
        return config(publicBase, sitemapMaxUrls, 1000);
    }

    static WebConfig config(String publicBase, int sitemapMaxUrls, int pageCacheMillis) {
        return new WebConfig() {
            @Override
            public int page_cache_entries() {
                return 1000;
            }

            @Override
            public int page_cache_millis() {
                return pageCacheMillis;
            }

            @Override
            public int sitemap_max_urls() {
                return sitemapMaxUrls;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return WebConfig.class;
            }

            @Override
            public String homeBrand() {
                return "demo";
            }

            @Override
            public String public_base_url() {
                return publicBase;
            }
        };
    }

    @Test
    void languageSwitchIsRemembered() {
        Http.Response r = page("/b/demo?lang=fr", "en");
        assertTrue(r.header("Set-Cookie").startsWith("lang=fr"));
        assertTrue(r.raw().body().contains("Questions récentes"));
        var b = http.builder("/b/demo", null).GET().header("Cookie", "lang=fr").header("Accept-Language", "en");
        assertTrue(http.send(b).raw().body().contains("Questions récentes"));
    }

    @Test
    void unknownBrandOrQuestionIs404AndApiStillAnswers() {
        assertEquals(404, page("/b/no-such-brand", null).status());
        assertEquals(404, page("/b/demo/questions/999999", null).status());
        for (String missing : new String[] {"/b/demo/questions/999999", "/b/demo/no/such/page"}) {
            Http.Response r = page(missing, null);
            assertEquals(404, r.status(), missing);
            String body = r.raw().body();
            assertTrue(body.contains("href=\"/b/demo\"") && body.contains("/b/demo/ask"),
                "the brand's header and navigation stay on its 404 page: " + missing);
        }
        assertFalse(page("/b/no-such-brand", null).raw().body().contains("/b/no-such-brand/ask"));
        assertEquals(200, http.get("/api/v1/health", null).status());
        assertEquals(404, page("/api/v1/nothing-here", null).status());
        Http.Response root = http.send(http.builder("/", null).GET());
        assertEquals(303, root.status());
        assertEquals("/b/demo", root.header("Location"));
    }

    @Test
    void stylesheetIsCachedLong() {
        Http.Response r = page("/static/entraide-4.css", null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Cache-Control").contains("max-age=31536000"));
        assertEquals(404, page("/static/messages.properties", null).status(), "only CSS, JS and SVG assets are served");
        Http.Response icon = page("/static/favicon-1.svg", null);
        assertEquals(200, icon.status(), icon.toString());
        assertTrue(icon.header("Content-Type").startsWith("image/svg+xml"));
        assertTrue(page("/b/demo", null).raw().body().contains("<link rel=\"icon\" href=\"/static/favicon-1.svg\""),
            "every page links the favicon");
        Http.Response escape = page("/static/..%2Fmessages.properties", null);
        assertTrue(escape.status() >= 400 && !escape.raw().body().contains("skip="), escape.toString());
    }

    @Test
    void pagesAndAssetsAreCompressedForBrowsersThatAskForIt() throws Exception {
        for (String path : new String[] {"/b/demo", "/static/entraide-4.css"}) {
            Http.Response plain = page(path, "en");
            var zipped = http.send(http.builder(path, null).GET().header("Accept-Encoding", "gzip"));
            assertEquals("gzip", zipped.header("Content-Encoding"), path);
            byte[] bytes = zipped.raw().body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(bytes.length > 0);
            assertEquals(null, plain.header("Content-Encoding"), "not without Accept-Encoding");
        }
        var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + "/b/demo")).header("Accept-Encoding", "gzip").header("Accept-Language", "en").build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw.body())).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("Recent questions"), html);
        assertTrue(raw.body().length < html.length() / 2, raw.body().length + " bytes compressed from " + html.length());
    }
}
