package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.CountingDataSource;
import org.entraide.core.internal.support.Http;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * The read path (issue 18): bodies rendered once when written, never on a read, rendered again when the renderer's
 * version changes; a question read in a fixed number of statements whatever its number of answers.
 */
public abstract class ReadPathScenarios extends ApiScenarios {

    private CountingDataSource counting() {
        return (CountingDataSource) dataSource;
    }

    @Test
    void readingAQuestionRendersNothing() {
        Member asker = community.join("demo");
        long id = community.askId(asker, "A question read many times");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, community.answer(community.join("demo"), "demo", id, "An *answer* number " + i).status());
        }
        long before = server.core.renderer.rendered();
        JsonNode read = null;
        for (int i = 0; i < 5; i++) {
            Http.Response r = community.question(i % 2 == 0 ? null : asker, "demo", id);
            assertEquals(200, r.status(), r.toString());
            read = r.json();
        }
        assertEquals(before, server.core.renderer.rendered(), "reads use the HTML stored when the posts were written");
        String[] stored = stored(id);
        assertEquals(String.valueOf(ContentRenderer.VERSION), stored[1], "stored with the renderer's version");
        assertEquals(stored[0], read.get("bodyHtml").asText(), "the view shows the stored HTML");
        assertTrue(read.get("answers").get(0).get("bodyHtml").asText().contains("<em>answer</em>"), read.toString());
    }

    @Test
    void anEditStoresTheNewHtml() {
        Member asker = community.join("demo");
        long id = community.askId(asker, "A question edited later");
        Http.Response edited = http.put("/api/v1/brands/demo/posts/" + id, asker.token(),
            Http.json("title", "A question edited later on", "body", "Now with **bold** text."));
        assertEquals(200, edited.status(), edited.toString());
        assertTrue(stored(id)[0].contains("<strong>bold</strong>"), "the edit stored its HTML: " + stored(id)[0]);
        assertTrue(community.question(null, "demo", id).json().get("bodyHtml").asText().contains("<strong>bold</strong>"));
    }

    @Test
    void anotherRendererVersionIsRenderedAgain() {
        Member asker = community.join("demo");
        long read = community.askId(asker, "A question of an older renderer");
        long unread = community.askId(asker, "A question written before rendering was stored");
        // this node has scanned its table since it started: only what it reads stale is its to store again
        while (server.core.renderedBodies.refresh(server.core.db) > 0) {
            // until nothing is left
        }
        // as an older renderer (version 0) and as the rows written before the column existed (null) left them
        server.core.db.inTransaction(c -> {
            Sql.update(c, "UPDATE post SET body_html = ?, render_version = 0 WHERE id = ?", "<p>old policy</p>", read);
            return Sql.update(c, "UPDATE post SET body_html = NULL, render_version = NULL WHERE id = ?", unread);
        });
        JsonNode shown = community.question(null, "demo", read).json();
        assertFalse(shown.get("bodyHtml").asText().contains("old policy"), "a stale row is rendered when read: " + shown);
        assertTrue(shown.get("bodyHtml").asText().startsWith("<p>What would you advise"), shown.toString());

        server.core.renderedBodies.refresh(server.core.db);
        assertEquals(String.valueOf(ContentRenderer.VERSION), stored(read)[1], "the row read while stale is stored again");
        assertEquals(shown.get("bodyHtml").asText(), stored(read)[0]);

        // a node starting with a new renderer scans the table once for every stale row, read or not
        RenderedBodies started = new RenderedBodies(new ContentRenderer());
        int rendered = 0;
        for (int n = started.refresh(server.core.db); n > 0; n = started.refresh(server.core.db)) {
            rendered += n;
        }
        assertTrue(rendered >= 1, "the unread row was found");
        assertEquals(String.valueOf(ContentRenderer.VERSION), stored(unread)[1]);
        assertTrue(stored(unread)[0].startsWith("<p>What would you advise"), stored(unread)[0]);
        assertEquals(0, started.refresh(server.core.db), "then nothing is left");
    }

    @Test
    void aQuestionIsReadInAFixedNumberOfStatements() {
        Member asker = community.join("demo");
        Member reader = community.join("demo");
        long two = thread(asker, reader, 2);
        long ten = thread(asker, reader, 10);
        Brand brand = server.core.brands.require("demo");
        Caller signedIn = server.core.accounts.authenticate("Bearer " + reader.token()).orElseThrow();
        for (Caller who : Arrays.asList(null, signedIn)) {
            List<String> small = counting().count(() -> server.core.questions.get(who, brand, two));
            List<String> large = counting().count(() -> server.core.questions.get(who, brand, ten));
            String as = who == null ? "anonymous" : "signed in";
            assertEquals(small.size(), large.size(), as + ": 10 answers cost what 2 cost: " + small + " vs " + large);
            // the question, its answers, authors, revisions, the reader's votes, staff notes, comments with their
            // authors and mentions, tags: one statement each, whatever the number of answers
            assertTrue(large.size() <= 11, as + ": a few statements, not one per answer or author: " + large);
            assertTrue(large.stream().noneMatch(s -> s.contains("FROM app_user WHERE id = ?")), "authors read at once: " + large);
        }
        assertEquals(10, server.core.questions.get(signedIn, brand, ten).answers().size());
        assertEquals(1, server.core.questions.get(signedIn, brand, ten).answers().get(0).myVote(), "the reader's votes");
        assertEquals(2, server.core.questions.get(null, brand, ten).answers().stream()
            .filter(a -> a.revisionCount() == 2).count(), "the edits' counts");
    }

    @Test
    void anonymousReadsAreRevalidatedAndEveryKindOfWriteChangesThem() {
        Member asker = community.join("demo");
        Member answerer = community.join("demo");
        long id = community.askId(asker, "A question cached by a reverse proxy");
        long answer = community.answerId(answerer, id);
        String path = "/api/v1/brands/demo/questions/" + id;

        String etag = fresh(path, null);
        Http.Response again = http.send(http.builder(path, null).header("If-None-Match", etag).GET());
        assertEquals(304, again.status(), "unchanged: revalidated without a body");
        assertEquals("", again.raw().body());
        assertEquals(etag, again.header("ETag"));

        var writes = org.entraide.core.internal.support.PublicWrites.onQuestion(server, community, asker, answerer, id, answer);
        List<String> kinds = List.copyOf(writes.keySet());
        for (int i = 0; i < kinds.size(); i++) {
            writes.get(kinds.get(i)).run();
            Http.Response after = http.send(http.builder(path, null).header("If-None-Match", etag).GET());
            assertEquals(200, after.status(), "after the " + kinds.get(i) + " the old copy is not valid any more");
            assertFalse(etag.equals(after.header("ETag")), kinds.get(i));
            etag = after.header("ETag");
        }
    }

    @Test
    void anAnonymousReadIsKeptUntilAWriteOnItsBrandIsAcknowledged() {
        // kept a minute here, so that only writes, never the clock, make the copy stale
        server.core.apiDispatcher.keepSharedReads(server.core.contentVersions, 1000, java.time.Duration.ofMinutes(1).toNanos());
        Member asker = community.join("demo");
        long id = community.askId(asker, "A question read by thousands");
        long answer = community.answerId(community.join("demo"), id);
        String first = community.question(null, "demo", id).json().get("title").asText();
        assertEquals("A question read by thousands", first);
        // changed behind the platform's back: nothing is told, so the kept copy is what anonymous readers get
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post SET title = ? WHERE id = ?", "Retitled quietly", id));
        assertEquals(first, community.question(null, "demo", id).json().get("title").asText(), "served from memory");
        assertEquals("Retitled quietly", community.question(asker, "demo", id).json().get("title").asText(),
            "a member's read is never a kept copy");
        assertEquals(200, community.vote(asker, "demo", answer, 1).status());
        JsonNode after = community.question(null, "demo", id).json();
        assertEquals("Retitled quietly", after.get("title").asText(), "the vote, acknowledged, made the copy stale");
        assertEquals(1, after.get("answers").get(0).get("score").asInt());
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post SET title = ? WHERE id = ?", "Again quietly", id));
        assertEquals(200, http.put("/api/v1/brands/demo/features", community.demo("admin").token(), "{}").status());
        assertEquals("Again quietly", community.question(null, "demo", id).json().get("title").asText(),
            "a write through the API without any event moves the brand too");
    }

    @Test
    void anAnonymousReadIsAnsweredInFrontOfCamelWithTheSameHeadersAndNeverToAMember() {
        server.core.apiDispatcher.keepSharedReads(server.core.contentVersions, 1000, java.time.Duration.ofMinutes(1).toNanos());
        Member asker = community.join("demo");
        long id = community.askId(asker, "A question read before any route");
        String path = "/api/v1/brands/demo/questions/" + id;
        Http.Response made = http.get(path, null);
        long hits = server.core.front().hits();
        Http.Response kept = http.get(path, null);
        assertEquals(hits + 1, server.core.front().hits(), "the second anonymous read is answered in front of Camel");
        assertEquals(made.raw().body(), kept.raw().body());
        for (String name : List.of("Content-Type", "Cache-Control", "X-Content-Type-Options", "ETag", "Vary")) {
            assertEquals(made.header(name), kept.header(name), name);
        }
        assertEquals("kept-1", http.send(http.builder(path, null).header("X-Request-Id", "kept-1").GET()).header("X-Request-Id"),
            "a caller's request id is kept, as on every request");
        long after = server.core.front().hits();
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post SET title = ? WHERE id = ?", "Retitled in front", id));
        assertEquals("Retitled in front", community.question(asker, "demo", id).json().get("title").asText(),
            "a member's read is never answered in front");
        assertEquals(200, http.send(http.builder(path, null).header("Cookie", "entraide_session=abc").GET()).status());
        assertEquals(after, server.core.front().hits(), "nor a request with a cookie");
        assertEquals(200, community.vote(asker, "demo", community.answerId(community.join("demo"), id), 1).status());
        assertEquals("Retitled in front", community.question(null, "demo", id).json().get("title").asText(),
            "an acknowledged write makes the copy in front stale too");
    }

    @Test
    void aSignedInReadIsNeverStoredNorSharedByTag() {
        Member asker = community.join("demo");
        Member other = community.join("demo");
        long id = community.askId(asker, "A question read by members");
        assertEquals(200, community.vote(other, "demo", community.answerId(community.join("demo"), id), 1).status());
        String path = "/api/v1/brands/demo/questions/" + id;
        String anonymousTag = fresh(path, null);
        for (Member m : List.of(asker, other)) {
            Http.Response mine = http.send(http.builder(path, m.token()).header("If-None-Match", anonymousTag + ", *").GET());
            assertEquals(200, mine.status(), "a member's page is theirs, never the anonymous copy: " + mine);
            assertEquals("private, no-store", mine.header("Cache-Control"));
            assertEquals(null, mine.header("ETag"), "no tag to revalidate a personal copy with");
            assertTrue(mine.header("Vary").contains("Authorization"), "shared caches key on the caller");
        }
        assertTrue(http.get(path, other.token()).json().get("answers").get(0).get("myVote").asInt() == 1);
        assertTrue(http.get(path, null).json().get("answers").get(0).get("myVote").isNull(), "the anonymous copy has no votes of anyone");
    }

    /** An anonymous 200 with public caching headers; answers its ETag. */
    private String fresh(String path, String token) {
        Http.Response r = http.get(path, token);
        assertEquals(200, r.status(), r.toString());
        assertEquals("public, max-age=1, stale-while-revalidate=10", r.header("Cache-Control"));
        assertTrue(r.header("ETag") != null && r.header("ETag").startsWith("\""), r.toString());
        return r.header("ETag");
    }

    @Test
    void aBrandIsReadOncePerNode() {
        server.core.brands.require("demo");
        assertEquals(List.of(), counting().count(() -> server.core.brands.require("demo")), "kept: a brand never changes");
        assertEquals(1, counting().count(() -> assertTrue(server.core.brands.find("not-yet").isEmpty())).size());
        assertEquals(1, counting().count(() -> server.core.brands.find("not-yet")).size(),
            "a slug not found is asked again: another node may create it");
    }

    /** A question with that many answers, each by its own member and voted by the reader, two of them edited. */
    private long thread(Member asker, Member reader, int answers) {
        long id = community.askId(asker, "A thread of " + answers + " answers", Community.unique("t"));
        for (int i = 0; i < answers; i++) {
            Member author = community.join("demo");
            long answer = community.answerId(author, id);
            assertEquals(200, community.vote(reader, "demo", answer, 1).status());
            if (i < 2) {
                assertEquals(200, http.put("/api/v1/brands/demo/posts/" + answer, author.token(),
                    Http.json("body", "An answer, edited by " + author.pseudonym())).status());
            }
            // every answer is commented on, by the asker naming its author: comments, their authors and mentions
            assertEquals(201, http.post("/api/v1/brands/demo/posts/" + answer + "/comments", asker.token(),
                Http.json("body", "Thanks @" + author.pseudonym())).status());
        }
        return id;
    }

    private String[] stored(long id) {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT body_html, render_version FROM post WHERE id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, id)).orElseThrow();
    }
}
