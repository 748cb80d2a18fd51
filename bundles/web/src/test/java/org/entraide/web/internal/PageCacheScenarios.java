package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.PublicWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anonymous pages are kept on the node and served again until a write makes them stale. The copies here live a
 * minute, so that only the writes, never the clock, can make a page change: a title changed behind the platform's
 * back (straight in the database) shows whether a page came from the cache.
 */
abstract class PageCacheScenarios extends WebTestBase {
    PageCacheScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void keepPagesAMinute() {
        routes.configure(WebScenarios.config("https://community.localhost", 50_000, 60_000));
    }

    @Test
    void anAnonymousPageIsKeptAndEveryKindOfWriteMakesItStale() throws Exception {
        Plugins.moderation(server);
        Member asker = community.join("demo");
        Member answerer = community.join("demo");
        long id = community.askId(asker, "Which primer for a damp wall");
        long answer = community.answerId(answerer, id);
        String path = "/b/demo/questions/" + id;
        assertTrue(anonymous(path).contains("Which primer for a damp wall"));

        var writes = PublicWrites.onQuestion(server, community, asker, answerer, id, answer);
        List<String> kinds = List.copyOf(writes.keySet());
        for (int i = 0; i < kinds.size(); i++) {
            String title = "Which primer, take " + i;
            retitle(id, title);
            assertFalse(anonymous(path).contains(title), "before the " + kinds.get(i) + " the kept page is served");
            writes.get(kinds.get(i)).run();
            assertTrue(anonymous(path).contains(title), "after the " + kinds.get(i) + " the page is made again");
        }
    }

    @Test
    void aCapabilityDisabledChangesTheKeptPages() throws Exception {
        Plugins.reputation(server);
        Member admin = community.demo("admin");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"reputation\":true}").status());
        assertEquals(200, page("/b/demo/leaderboard", null).status());
        assertEquals(200, page("/b/demo/leaderboard", null).status(), "kept");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"reputation\":false}").status());
        assertEquals(404, page("/b/demo/leaderboard", null).status(), "the capability's page went with it");
    }

    @Test
    void aKeptPageIsRevalidatedByItsTagAndSharedOnlyBriefly() {
        long id = community.askId(community.join("demo"), "A page revalidated by its tag");
        String path = "/b/demo/questions/" + id;
        Http.Response first = page(path, null);
        assertEquals(200, first.status());
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), first.toString());
        assertEquals("public, max-age=1", first.header("Cache-Control"));
        assertTrue(first.header("Vary").contains("Cookie"), "a proxy keeps members' pages apart");
        Http.Response again = http.send(http.builder(path, null).header("If-None-Match", etag).GET());
        assertEquals(304, again.status());
        assertEquals("", again.raw().body());
        community.answerId(community.join("demo"), id);
        Http.Response changed = http.send(http.builder(path, null).header("If-None-Match", etag).GET());
        assertEquals(200, changed.status(), "an answer changed the page");
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void aMembersPageIsNeverKeptNorGivenToAnyoneElse() throws Exception {
        Member asker = community.join("demo");
        Member reader = community.join("demo");
        long id = community.askId(asker, "A question a member reads signed in");
        String path = "/b/demo/questions/" + id;
        Http.Response theirs = signedIn(reader, path);
        assertEquals(200, theirs.status());
        assertTrue(theirs.raw().body().contains(reader.pseudonym()), "the header names the member");
        assertTrue(theirs.raw().body().contains("name=\"csrf\""), "with their form token");
        assertNull(theirs.header("ETag"));
        assertEquals("private, no-cache", theirs.header("Cache-Control"));
        for (int i = 0; i < 2; i++) {
            String everyone = anonymous(path);
            assertFalse(everyone.contains(reader.pseudonym()), "nobody else gets the member's page");
            assertFalse(everyone.contains("name=\"csrf\""), "no form token in a page kept for everyone");
        }
        String askers = signedIn(asker, path).raw().body();
        assertTrue(askers.contains(asker.pseudonym()));
        assertFalse(askers.contains(reader.pseudonym()), "nor another member");
        // a session cookie that names nobody any more is cleared: never answered from the kept copy
        Http.Response stale = http.send(http.builder(path, null).header("Cookie", Visit.SESSION + "=" + "x".repeat(40)).GET());
        assertEquals(200, stale.status());
        assertTrue(stale.header("Set-Cookie") != null && stale.header("Set-Cookie").startsWith(Visit.SESSION + "=;"),
            stale.toString());
    }

    @Test
    void pagesInEachLanguageAreKeptApart() {
        String fr = page("/b/demo", "fr-FR").raw().body();
        String en = page("/b/demo", "en").raw().body();
        assertTrue(fr.contains("Questions récentes"));
        assertFalse(en.contains("Questions récentes"));
        assertTrue(page("/b/demo", "fr-FR").raw().body().contains("Questions récentes"));
    }

    @Test
    void aKeptPageIsServedInFrontOfCamelWithTheHeadersCamelGaveIt() throws Exception {
        Member reader = community.join("demo");
        long id = community.askId(community.join("demo"), "A page served before any route");
        String path = "/b/demo/questions/" + id;
        Http.Response made = page(path, "fr-FR");
        long hits = server.core.front().hits("web");
        Http.Response kept = page(path, "fr-FR");
        assertEquals(hits + 1, server.core.front().hits("web"), "the second anonymous read is answered in front of Camel");
        assertEquals(made.raw().body(), kept.raw().body());
        for (String name : List.of("Content-Type", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
            "Content-Language", "ETag", "Cache-Control", "Vary")) {
            assertEquals(made.header(name), kept.header(name), name);
        }
        assertNotEquals(made.header("X-Request-Id"), kept.header("X-Request-Id"), "each request has its own id");
        assertEquals(304, http.send(http.builder(path, null).header("Accept-Language", "fr-FR")
            .header("If-None-Match", made.header("ETag")).GET()).status());
        assertEquals(hits + 2, server.core.front().hits("web"));
        var gzip = http.builder(path, null).header("Accept-Language", "fr-FR").header("Accept-Encoding", "gzip").GET().build();
        var zipped = java.net.http.HttpClient.newHttpClient().send(gzip, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertEquals(made.raw().body(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(hits + 3, server.core.front().hits("web"));

        // a member, a stale session, any other cookie or another language never get it, and the count says so
        assertTrue(signedIn(reader, path).raw().body().contains(reader.pseudonym()));
        assertEquals(200, http.send(http.builder(path, null).header("Accept-Language", "fr-FR")
            .header("Cookie", "tracker=1").GET()).status());
        assertEquals(200, http.send(http.builder(path, null).header("Accept-Language", "fr-FR")
            .header("Cookie", "lang=fr; " + Visit.SESSION + "=" + "x".repeat(40)).GET()).status());
        assertEquals(200, http.get("/api/v1/brands/demo/questions/" + id, reader.token()).status());
        assertTrue(page(path, "en").raw().body().contains("A page served before any route"));
        assertEquals(hits + 3, server.core.front().hits("web"), "none of these was answered in front");
    }

    private Http.Response signedIn(Member m, String path) throws Exception {
        String cookie = Visit.SESSION + "=" + m.token();
        return http.send(http.builder(path, null).header("Cookie", cookie).GET());
    }

    private String anonymous(String path) {
        Http.Response r = page(path, "en");
        assertEquals(200, r.status(), r.toString());
        return r.raw().body();
    }

    private Http.Response page(String path, String acceptLanguage) {
        var b = http.builder(path, null).GET();
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return http.send(b);
    }

    /** Changes a title the way no write of the platform does: nothing is told, nothing moves. */
    private void retitle(long id, String title) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE post SET title = ? WHERE id = ?")) {
            s.setString(1, title);
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }
}
