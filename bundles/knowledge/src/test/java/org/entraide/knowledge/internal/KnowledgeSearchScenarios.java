package org.entraide.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * accepted answer that matches as well, proposed while a question is typed, and gone once withdrawn; on a fixed set of
 * French and English threads and articles (src/test/resources/relevance/articles.tsv), every query that finds both
 * finds the article first.
 */
abstract class KnowledgeSearchScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    static final ObjectMapper JSON = new ObjectMapper();

    TestServer server;
    SearchPlugin search;
    Http http;
    Member admin;
    Member customer;
    Member lucas;
    Member moderator;

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
        moderator = community.demo("moderator");
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

    /** One line of the fixed set: what the brand wrote, the community's thread, the queries that find both. */
    record Case(String key, String language, String title, String body, String question, String answer,
                List<String> queries) {
    }

    @Test
    void everyQueryOfTheFixedSetFindsTheArticleBeforeTheCommunitysAnswerThatMatchesToo() throws IOException {
        List<Case> cases = cases();
        int queries = cases.stream().mapToInt(c -> c.queries().size()).sum();
        assertTrue(queries >= 20 && cases.stream().anyMatch(c -> c.language().equals("en"))
            && cases.stream().anyMatch(c -> c.language().equals("fr")), "at least 20 queries, French and English");
        Community community = new Community(http);
        List<long[]> written = new ArrayList<>();
        for (Case c : cases) {
            long question = community.ask(customer, "demo", c.question(), c.language().equals("fr") ? "Merci d'avance."
                : "Thanks in advance.", null, List.of()).json().get("id").asLong();
            long answer = community.answer(lucas, "demo", question, c.answer()).json().get("id").asLong();
            assertEquals(200, community.accept(customer, "demo", question, answer).status(), "accepted");
            // a strong community answer: accepted and voted up
            assertEquals(200, community.vote(customer, "demo", answer, 1).status(), "voted up");
            assertEquals(200, community.vote(moderator, "demo", answer, 1).status(), "voted up");
            long article = http.post(DEMO + "/articles", admin.token(), JSON.writeValueAsString(Map.of("title", c.title(),
                "body", c.body(), "language", c.language(), "publish", true))).json().get("id").asLong();
            written.add(new long[] {article, answer});
        }
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            long article = written.get(k)[0];
            long answer = written.get(k)[1];
            for (String query : cases.get(k).queries()) {
                String q = DEMO + "/search?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
                // both are indexed once their events are applied: then the query must find both
                JsonNode found = Awaitility.await(query).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> http.get(q, null).json(), r -> has(r, "article", article) && has(r, "answer", answer));
                JsonNode first = found.get("items").get(0);
                if (!first.get("type").asText().equals("article") || first.get("id").asLong() != article) {
                    wrong.add(query + " -> " + first.get("type").asText() + " " + first.get("id").asLong());
                }
            }
        }
        assertEquals(List.of(), wrong, "of " + queries + " queries finding an article and an accepted, voted answer, "
            + "those where the article did not come first");
    }

    static boolean has(JsonNode result, String type, long id) {
        for (JsonNode item : result.get("items")) {
            if (item.get("type").asText().equals(type) && item.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = KnowledgeSearchScenarios.class.getResourceAsStream("/relevance/articles.tsv")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    cases.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5], List.of(f[6].split("\\|"))));
                }
            }
            return cases;
        }
    }
}
