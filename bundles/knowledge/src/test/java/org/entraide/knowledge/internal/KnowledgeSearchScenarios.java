package org.entraide.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.api.knowledge.Articles;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.search.internal.SearchCapability;
import org.entraide.search.internal.SearchPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Articles in the search plugin, both running in the real core: a published article is found, before the community's
 * accepted answer that matches as well, proposed while a question is typed, and gone once withdrawn.
 */
abstract class KnowledgeSearchScenarios {
    static final String DEMO = "/api/v1/brands/demo";

    TestServer server;
    SearchPlugin search;
    Http http;
    Member admin;
    Member customer;
    Member lucas;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        var p = server.core.platform;
        search = new SearchPlugin(server.core.db, server.core.migrator, server.core.endpoints, p, p, p, server.core.eventReader,
            Files.createTempDirectory("entraide-knowledge-search"), Duration.ofMillis(20), Duration.ofMillis(500),
            Clock.systemUTC());
        search.awaitRebuild();
        server.install(search.services(new SearchCapability()));
        server.bindWhenInstalled(Articles.class, search::useArticles);
        server.install(KnowledgeScenarios.start(server, Clock.systemUTC()).services());
        http = new Http(server.base());
        Community community = new Community(http);
        admin = community.demo("admin");
        customer = community.demo("customer");
        lucas = community.demo("lucas");
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"search\":true,\"knowledge\":true}").status());
    }

    @AfterEach
    void stop() {
        search.close();
        server.close();
        dropDatabase();
    }

    @Test
    void aPublishedArticleIsFoundFirstAndProposedWhileAsking() {
        Community community = new Community(http);
        long question = community.askId(customer, "Peut-on rendre un produit sans ticket de caisse ?");
        long answer = community.answer(lucas, "demo", question, "Oui, rendre un produit sans ticket marche avec la carte "
            + "de fidélité.").json().get("id").asLong();
        community.accept(customer, "demo", question, answer);
        long article = http.post(DEMO + "/articles", admin.token(), "{\"title\":\"Rendre un produit sans ticket de caisse\","
            + "\"body\":\"Un produit se rend sans ticket sous 30 jours, avec la carte de fidélité.\",\"publish\":true}")
            .json().get("id").asLong();
        long draft = http.post(DEMO + "/articles", admin.token(), "{\"title\":\"Brouillon ticket de caisse\","
            + "\"body\":\"Rendre sans ticket : brouillon\"}").json().get("id").asLong();

        String q = DEMO + "/search?q=" + URLEncoder.encode("rendre produit sans ticket", StandardCharsets.UTF_8);
        JsonNode found = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
            .until(() -> http.get(q, null).json(), r -> r.get("total").asLong() >= 3);
        JsonNode first = found.get("items").get(0);
        assertEquals("article", first.get("type").asText(), "the brand's article before the community: " + found);
        assertEquals(article, first.get("id").asLong(), found.toString());
        assertTrue(found.toString().contains("\"id\":" + answer), "the accepted answer is found too: " + found);
        assertTrue(!found.toString().contains("\"id\":" + draft + ",\"type\":\"article\""), "never a draft: " + found);
        assertEquals(1, http.get(q + "&type=article", null).json().get("total").asLong(), "filtered by type");

        JsonNode similar = http.get(DEMO + "/search/similar?title="
            + URLEncoder.encode("rendre un produit sans ticket", StandardCharsets.UTF_8), null).json();
        assertEquals(List.of(article), List.of(similar.get("articles").get(0).get("id").asLong()),
            "proposed while asking: " + similar);
        assertEquals(question, similar.get("items").get(0).get("id").asLong(), "beside the similar questions");

        http.put(DEMO + "/articles/" + article, admin.token(), "{\"title\":\"Rendre un produit sans ticket de caisse\","
            + "\"body\":\"retiré\"}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
            .until(() -> http.get(q + "&type=article", null).json().get("total").asLong() == 0);
    }
}
