package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The knowledge base installed at runtime in the real distribution, beside reputation: an accepted answer becomes a
 * published article, rendered by the core's Markdown service, and its author gets the brand's points once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KnowledgeIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Test
    public void anAcceptedAnswerBecomesAnArticleAndEarnsItsAuthorThePoints() throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        long customerId = api.get(DEMO + "/me", customer).json.get("id").asLong();

        features.installFeature("entraide-reputation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        features.installFeature("entraide-knowledge", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("knowledge capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"knowledge\""));
        ApiClient.Response on = api.put(DEMO + "/features", admin, "{\"knowledge\":true,\"reputation\":true}");
        assertEquals(on.toString(), 200, on.status());
        Awaitility.await("knowledge routes").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/articles", null).status() == 200);
        Awaitility.await("reputation of the customer").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/users/" + customerId + "/reputation", null).status() == 200);

        ApiClient.Response q = api.post(DEMO + "/questions", admin, "{\"title\":\"Quelle cheville pour du placo ?\",\"body\":\"b\"}");
        assertEquals(q.toString(), 201, q.status());
        long question = q.json.get("id").asLong();
        ApiClient.Response a = api.post(DEMO + "/questions/" + question + "/answers", customer,
            "{\"body\":\"Une cheville **Molly**.\"}");
        assertEquals(a.toString(), 201, a.status());
        long answer = a.json.get("id").asLong();
        ApiClient.Response accepted = api.post(DEMO + "/questions/" + question + "/accept", admin, "{\"answerId\":" + answer + "}");
        assertTrue(accepted.toString(), accepted.status() < 300);
        Awaitility.await("the acceptance scored").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/users/" + customerId + "/reputation?size=100", null).raw.body().contains("answer-accepted"));
        int before = api.get(DEMO + "/users/" + customerId + "/reputation", null).json.get("reputation").asInt();

        ApiClient.Response promoted = api.post(DEMO + "/posts/" + answer + "/promote", admin, "{\"publish\":true}");
        assertEquals(promoted.toString(), 201, promoted.status());
        long article = promoted.json.get("id").asLong();
        String read = api.get(DEMO + "/articles/" + article, null).raw.body();
        assertTrue(read, read.contains("<strong>Molly</strong>") && read.contains("\"contributor\""));
        Awaitility.await("the promotion's points").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/users/" + customerId + "/reputation", null).json.get("reputation").asInt() == before + 25);
        assertEquals("promoted once", 409, api.post(DEMO + "/posts/" + answer + "/promote", admin, "{}").status());
    }
}
