package org.entraide.search.internal;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search plugin in the real core, over a real database and real HTTP: what is published becomes searchable,
 * edits, deletions and hiding update or remove it, held posts and other brands' posts are never found, bad
 * parameters are 400 problems, misses are counted for the brand admin only, and the index is rebuilt from the
 * database when it is missing or was not closed cleanly. Subclasses pick H2 or PostgreSQL.
 */
abstract class SearchScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    static final Duration SOON = Duration.ofSeconds(10);

    TestServer server;
    SearchPlugin plugin;
    Path folder;
    Http http;
    Community community;
    Member admin;
    Member customer;
    Member lucas;
    Member moderator;
    long brandId;

    DataSource ds;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        ds = dataSource();
        server = new TestServer(ds, CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        server.core.pipeline.add(new HoldStep());
        folder = Files.createTempDirectory("entraide-search-test");
        plugin = newPlugin(folder);
        plugin.awaitRebuild();
        server.install(plugin.services(new SearchCapability()));
        http = new Http(server.base());
        community = new Community(http);
        admin = community.demo("admin");
        customer = community.demo("customer");
        lucas = community.demo("lucas");
        moderator = community.demo("moderator");
        brandId = server.core.brands.find("demo").orElseThrow().id();
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"search\":true}").status());
    }

    SearchPlugin newPlugin(Path where) {
        var p = server.core.platform;
        return new SearchPlugin(server.core.db, server.core.migrator, server.core.endpoints, p, p, p, server.core.eventReader,
            where, Duration.ofMillis(20), Duration.ofMillis(500), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        plugin.close();
        server.close();
        dropDatabase();
    }

    /** Holds for review every post whose text says "[hold]": moderation without the moderation plugin. */
    static final class HoldStep implements SubmissionStep {
        @Override
        public String capability() {
            return null;
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Submission apply(Submission s) {
            boolean hold = s.kind() == Submission.Kind.POST && ((s.title() != null && s.title().contains("[hold]"))
                || (s.body() != null && s.body().contains("[hold]")));
            return hold ? s.withState(PublicationState.PENDING_REVIEW, "à relire") : s;
        }
    }

    // ---- helpers

    JsonNode search(String query) {
        Http.Response r = http.get(DEMO + "/search?" + query, null);
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    long ask(Member m, String title, String body, String... tags) {
        Http.Response r = community.ask(m, Community.DEMO, title, body, null, List.of(tags));
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
    }

    void eventually(String query, boolean found, long id) {
        Awaitility.await().atMost(SOON).pollInterval(Duration.ofMillis(20))
            .until(() -> ids(search(query)).contains(id) == found);
    }

    // ---- scenarios

    @Test
    void aPublishedQuestionIsFoundWithoutAccentsInThePluralAndWithATypoWithHighlightsAndFacets() {
        long id = ask(customer, "Quelle mèche pour percer du béton armé ?",
            "Mes perceuses n'arrivent pas à percer le mur de mon garage <b>en béton</b>.", "percage");
        eventually(q("beton"), true, id);
        JsonNode page = search(q("beton"));
        JsonNode hit = null;
        for (JsonNode i : page.get("items")) {
            hit = i.get("id").asLong() == id ? i : hit;
        }
        assertTrue(hit != null && ids(page).indexOf(id) < 3, "the question is in the first three: " + page);
        assertEquals("question", hit.get("type").asText());
        assertTrue(hit.get("titleHtml").asText().contains("<mark>"), "the title marks the word: " + hit);
        assertTrue(hit.get("excerptHtml").asText().contains("&lt;b&gt;"), "a member's markup is escaped: " + hit);
        assertFalse(hit.get("excerptHtml").asText().contains("<b>"), "no member markup goes through: " + hit);
        assertTrue(page.get("total").asLong() >= 1);
        assertTrue(page.get("facets").get("type").get("question").asInt() >= 1, "facets count types: " + page);
        assertEquals(1, page.get("facets").get("tag").path("percage").asInt(), "facets count tags: " + page);
        assertTrue(ids(search(q("perceuse"))).contains(id), "a singular finds a plural");
        assertTrue(ids(search(q("béton"))).contains(id), "an accent finds the same word");
        assertTrue(ids(search(q("percuses"))).contains(id), "a typo in a long word is tolerated");
        assertTrue(ids(search(q("\"béton armé\""))).contains(id), "a phrase is found");
        assertFalse(ids(search(q("\"armé béton\""))).contains(id), "a phrase keeps its order");
        assertTrue(ids(search(q("percer du bét"))).contains(id), "the word being typed matches as a prefix");
        assertTrue(ids(search(q("beton") + "&tag=percage&type=question")).contains(id), "filters that match keep it");
        assertFalse(ids(search(q("beton") + "&type=complaint")).contains(id), "a filter that does not match drops it");
    }

    @Test
    void editsDeletionsAndHidingUpdateOrRemoveTheDocument() {
        long id = ask(customer, "Comment poser du carrelage mural ?", "Faut-il une colle spéciale pour la faïence ?");
        eventually(q("carrelage"), true, id);
        Http.Response edit = http.put(DEMO + "/posts/" + id, customer.token(),
            Http.json("title", "Comment poser du parquet flottant ?", "body", "Faut-il une sous-couche isolante ?"));
        assertEquals(200, edit.status(), edit.toString());
        eventually(q("parquet"), true, id);
        eventually(q("carrelage"), false, id);

        long answered = ask(lucas, "Quelle peinture pour une salle de bain ?", "Une peinture anti-humidité ?");
        Http.Response answer = community.answer(customer, Community.DEMO, answered, "Prenez une peinture glycéro lessivable.");
        assertEquals(201, answer.status(), answer.toString());
        long answerId = answer.json().get("id").asLong();
        eventually(q("glycero"), true, answerId);
        assertEquals(204, http.delete(DEMO + "/posts/" + answerId, customer.token()).status());
        eventually(q("glycero"), false, answerId);

        long other = community.answerId(lucas, id);
        eventually(q("answer by"), true, other);
        server.core.publications.change(brandId, id, PublicationState.HIDDEN, moderator.id(), "signalements");
        eventually(q("parquet"), false, id);
        // the answers of a hidden question go with it (a refresh may fall between the two removals: eventually)
        eventually(q("answer by"), false, other);
        server.core.publications.change(brandId, id, PublicationState.PUBLISHED, moderator.id(), "rétabli");
        eventually(q("parquet"), true, id);
        eventually(q("answer by"), true, other);
    }

    @Test
    void heldPostsAndAnotherBrandsPostsAreNeverFound() throws Exception {
        long held = ask(customer, "Question [hold] sur la tondeuse", "Ma tondeuse thermique ne démarre plus.");
        long visible = ask(customer, "Tondeuse électrique ou thermique ?", "Pour un petit jardin de ville.");
        eventually(q("tondeuse"), true, visible);
        assertFalse(ids(search(q("tondeuse"))).contains(held), "a held question is never found");

        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        Http.Response brand = http.post("/api/v1/admin/brands", root, "{\"slug\":\"acme\",\"name\":\"Acme\","
            + "\"adminEmail\":\"boss@acme.example\",\"adminPassword\":\"acme-password\",\"adminPseudonym\":\"Boss\"}");
        assertEquals(201, brand.status(), brand.toString());
        Member boss = community.login("acme", "boss@acme.example", "acme-password");
        assertEquals(200, http.put("/api/v1/brands/acme/features", boss.token(), "{\"search\":true}").status());
        Http.Response acme = community.ask(boss, "acme", "Tondeuse Acme en panne", "La tondeuse Acme fume.", null, List.of());
        assertEquals(201, acme.status(), acme.toString());
        long acmeId = acme.json().get("id").asLong();
        Awaitility.await().atMost(SOON).until(() -> {
            Http.Response r = http.get("/api/v1/brands/acme/search?" + q("tondeuse"), null);
            return r.status() == 200 && ids(r.json()).contains(acmeId);
        });
        assertFalse(ids(search(q("tondeuse"))).contains(acmeId), "another brand's question is never found");
        assertEquals(List.of(acmeId), ids(http.get("/api/v1/brands/acme/search?" + q("tondeuse"), null).json()));
    }

    @Test
    void badParametersAreProblemsAndABrandWithoutSearchHasNone() {
        assertProblem(400, http.get(DEMO + "/search?type=poll", null), "an unknown type (article is the knowledge plugin's)");
        assertProblem(400, http.get(DEMO + "/search?page=0", null), "page 0");
        assertProblem(400, http.get(DEMO + "/search?page=51", null), "a page beyond the last one served");
        assertProblem(400, http.get(DEMO + "/search?accepted=maybe", null), "accepted neither true nor false");
        assertProblem(400, http.get(DEMO + "/search?from=yesterday", null), "a date that is not one");
        assertProblem(400, http.get(DEMO + "/search?sort=random", null), "an unknown order");
        assertProblem(400, http.get(DEMO + "/search?topic=nope", null), "an unknown topic");
        assertProblem(400, http.get(DEMO + "/search?store=NOPE", null), "an unknown store");
        assertProblem(400, http.get(DEMO + "/search?colour=red", null), "an undeclared parameter");
        assertProblem(400, http.get(DEMO + "/search?" + q("x".repeat(201)), null), "a query too long");
        assertProblem(400, http.get(DEMO + "/search/similar", null), "similar without a title");
        assertProblem(401, http.get(DEMO + "/search/misses", null), "misses without an account");
        assertProblem(403, http.get(DEMO + "/search/misses", customer.token()), "misses for a customer");
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"search\":false}").status());
        assertProblem(404, http.get(DEMO + "/search?" + q("beton"), null), "search in a brand that turned it off");
    }

    @Test
    void missesAreCountedForTheBrandAdmin() {
        search(q("Zorglub introuvable"));
        search(q("zorglub  INTROUVABLE "));
        search(q("tondeuse"));
        Http.Response r = http.get(DEMO + "/search/misses", admin.token());
        assertEquals(200, r.status(), r.toString());
        JsonNode top = r.json().get("items").get(0);
        assertEquals("zorglub introuvable", top.get("query").asText(), r.toString());
        assertEquals(2, top.get("count").asLong());
    }

    @Test
    void similarQuestionsComeWithWhetherTheyHaveAnAcceptedAnswer() {
        long q1 = ask(customer, "Comment réparer une fuite sous l'évier ?", "Le siphon goutte depuis hier.");
        long q2 = ask(lucas, "Quel joint pour le siphon de mon évier ?", "Il fuit au niveau du raccord.");
        long a = community.answerId(lucas, q1);
        assertEquals(200, community.accept(customer, Community.DEMO, q1, a).status());
        Awaitility.await().atMost(SOON).until(() -> {
            JsonNode r = http.get(DEMO + "/search/similar?title=" + URLEncoder.encode("fuite évier", StandardCharsets.UTF_8),
                null).json();
            List<Long> found = ids(r);
            return found.size() >= 2 && found.get(0) == q1 && found.contains(q2) && r.get("items").get(0).get("accepted")
                .asBoolean();
        });
    }

    Http.Response propose(Member m, String title, String token) {
        return http.post(DEMO + "/search/proposals", m.token(), "{\"title\":\"" + title + "\""
            + (token == null ? "" : ",\"proposal\":\"" + token + "\"") + "}");
    }

    Http.Response outcome(Member m, String token, String json) {
        return http.post(DEMO + "/search/proposals/" + token + "/outcome", m.token(), json);
    }

    @Test
    void askersStoppingAtAProposalAreCountedOncePerAskForTheBrandAdmin() {
        long q1 = ask(lucas, "Comment réparer une fuite sous l'évier ?", "Le siphon goutte depuis hier.");
        Awaitility.await().atMost(SOON).until(() -> propose(lucas, "fuite sous évier", null).json().get("items").size() > 0);
        assertProblem(401, http.post(DEMO + "/search/proposals", null, "{\"title\":\"fuite\"}"), "proposals need a member");
        assertProblem(400, http.post(DEMO + "/search/proposals", customer.token(), "{}"), "a title is required");
        assertProblem(400, propose(customer, "fuite", "not-a-token"), "a malformed token");

        // one ask: its proposals while typing and on the confirmation step count once
        Http.Response first = propose(customer, "fuite évier", null);
        assertEquals(200, first.status(), first.toString());
        String token = first.json().get("proposal").asText();
        JsonNode item = first.json().get("items").get(0);
        assertEquals(q1, item.get("id").asLong());
        assertEquals("question", item.get("type").asText(), "the kind of what was proposed");
        assertEquals(token, propose(customer, "fuite sous l'évier", token).json().get("proposal").asText(), "merged");
        assertTrue(propose(customer, "xqzw vbnm", null).json().get("proposal").isNull(), "nothing proposed, nothing counted");

        String opened = "{\"outcome\":\"opened\",\"kind\":\"question\",\"id\":" + q1 + "}";
        assertProblem(400, outcome(customer, token, "{\"outcome\":\"opened\",\"kind\":\"question\",\"id\":999999}"),
            "a post that was not proposed");
        assertProblem(404, outcome(lucas, token, opened), "another member's proposal");
        assertProblem(404, outcome(customer, "AAAAAAAAAAAAAAAAAAAAAA", opened), "an unknown proposal");
        assertEquals("opened", outcome(customer, token, opened).json().get("outcome").asText());
        assertEquals("opened", outcome(customer, token, opened).json().get("outcome").asText(), "opened twice, once");

        // another ask, published anyway; a third left without either
        String asked = propose(customer, "fuite évier cuisine", null).json().get("proposal").asText();
        assertEquals("asked", outcome(customer, asked, "{\"outcome\":\"asked\"}").json().get("outcome").asText());
        assertEquals("asked", outcome(customer, asked, opened).json().get("outcome").asText(), "asked is final");
        propose(moderator, "une fuite sous mon évier", null);

        assertProblem(401, http.get(DEMO + "/search/proposals/figures", null), "figures without an account");
        assertProblem(403, http.get(DEMO + "/search/proposals/figures", customer.token()), "figures for a customer");
        assertProblem(400, http.get(DEMO + "/search/proposals/figures?days=0", admin.token()), "days out of range");
        JsonNode f = http.get(DEMO + "/search/proposals/figures", admin.token()).json();
        // lucas's own proposals while waiting for the index count as asks shown too
        long shown = f.get("shown").asLong();
        assertTrue(shown >= 4, f.toString());
        assertEquals(1, f.get("opened").asLong(), f.toString());
        assertEquals(1, f.get("asked").asLong(), f.toString());
        assertEquals(shown - 2, f.get("left").asLong(), f.toString());
        assertEquals(shown - 1, f.get("stopped").asLong(), f.toString());

        // the member's proposals are theirs to export; erased, the brand's figures stay
        assertEquals(2, ((List<?>) plugin.export(brandId, customer.id()).get("proposals")).size());
        plugin.erase(brandId, customer.id());
        assertTrue(plugin.export(brandId, customer.id()).isEmpty(), "nothing links the member to the proposals");
        assertEquals(shown, http.get(DEMO + "/search/proposals/figures", admin.token()).json().get("shown").asLong());
    }

    @Test
    void twoNodesOnOneDatabaseEachFindWhatWasPublishedOnTheOther() throws Exception {
        TestServer second = new TestServer(ds, CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        SearchPlugin other = null;
        try {
            var p = second.core.platform;
            other = new SearchPlugin(second.core.db, second.core.migrator, second.core.endpoints, p, p, p,
                second.core.eventReader, Files.createTempDirectory("entraide-search-second"), Duration.ofMillis(20),
                Duration.ofMillis(500), Clock.systemUTC());
            other.awaitRebuild();
            second.install(other.services(new SearchCapability()));
            Http there = new Http(second.base());
            Community thereCommunity = new Community(there);
            long here = ask(customer, "Ponceuse excentrique ou orbitale ?", "Pour décaper une vieille table en chêne.");
            Http.Response r = thereCommunity.ask(thereCommunity.demo("lucas"), Community.DEMO,
                "Scie sauteuse pour plan de travail ?", "Quelle lame pour du stratifié ?", null, List.of());
            assertEquals(201, r.status(), r.toString());
            long there1 = r.json().get("id").asLong();
            // the issue asks for 2 s; the wait is longer so that a loaded build machine does not fail the test
            Awaitility.await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() ->
                ids(there.get(DEMO + "/search?" + q("ponceuse"), null).json()).contains(here));
            eventually(q("sauteuse"), true, there1);
            assertFalse(other.descriptor().name().equals(plugin.descriptor().name()), "one subscriber per node");
        } finally {
            if (other != null) {
                other.close();
            }
            second.close();
        }
    }

    @Test
    void anIndexMissingOrNotClosedCleanlyIsRebuiltFromTheDatabase() throws Exception {
        long id = ask(customer, "Où recycler mes pots de peinture ?", "La déchetterie les prend-elle ?");
        eventually(q("recycler"), true, id);
        // another node's index, built from nothing: it finds what the database has
        Path other = Files.createTempDirectory("entraide-search-node2");
        SearchPlugin second = newPlugin(other);
        assertTrue(second.index.needsRebuild(), "no index: rebuilt");
        second.awaitRebuild();
        assertEquals(List.of(id), found(second, "recycler"));
        assertFalse(second.node().equals(plugin.node()), "each node has its own id, so its own subscriber");
        assertFalse(second.descriptor().name().equals(plugin.descriptor().name()));
        second.close();
        // closed cleanly: used as it is, same node
        SearchPlugin again = newPlugin(other);
        assertFalse(again.index.needsRebuild(), "a cleanly closed index is used as it is");
        assertEquals(second.node(), again.node(), "the node id is kept in the data folder");
        assertEquals(List.of(id), found(again, "recycler"));
        // a crash: the last commit still says "open" (a copy of a live index's files)
        Path crashed = Files.createTempDirectory("entraide-search-node3");
        Files.createDirectories(crashed.resolve("index"));
        try (var files = Files.list(other.resolve("index"))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, crashed.resolve("index").resolve(f.getFileName()));
                }
            }
        }
        again.close();
        SearchPlugin afterCrash = newPlugin(crashed);
        try {
            assertTrue(afterCrash.index.needsRebuild(), "an index not closed cleanly is rebuilt");
            afterCrash.awaitRebuild();
            assertEquals(List.of(id), found(afterCrash, "recycler"));
        } finally {
            afterCrash.close();
        }
    }

    List<Long> found(SearchPlugin p, String text) {
        return p.index.search(text, UserQuery.Mode.SEARCH, SearchIndex.Filters.brand(brandId), SearchIndex.Order.RELEVANCE,
            0, 10, false, false).hits().stream().map(SearchIndex.Hit::id).toList();
    }
}
