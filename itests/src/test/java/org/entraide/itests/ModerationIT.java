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
 * Moderation installed at runtime in the real distribution (with Aho-Corasick and RE2/J embedded in its
 * bundle): the shipped rule sets hold an insult, mask a phone number, and the dry run explains a decision.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModerationIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Test
    public void theShippedRulesModeratePostsInKaraf() throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String moderator = api.login("demo", "moderator@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        features.installFeature("entraide-moderation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("moderation capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"moderation\""));
        assertEquals(200, api.put(DEMO + "/features", admin, "{\"moderation\":true}").status());

        ApiClient.Response dry = api.post(DEMO + "/moderation/dry-run", moderator,
            "{\"body\":\"Espèce d'@brut1, appelle le 06 12 34 56 78\",\"type\":\"COMPLAINT\"}");
        assertEquals(dry.toString(), 200, dry.status());
        assertEquals("HOLD", dry.json.get("decision").asText());
        assertTrue(dry.toString(), dry.json.get("text").asText().contains("[masqué par la modération]"));

        ApiClient.Response held = api.post(DEMO + "/questions", customer, "{\"title\":\"Vendeur odieux\",\"body\":\"Quel connard.\"}");
        assertEquals(held.toString(), 201, held.status());
        assertEquals("PENDING_REVIEW", held.json.get("publication").asText());
        ApiClient.Response fine = api.post(DEMO + "/questions", customer,
            "{\"title\":\"Service nul\",\"body\":\"Trois semaines sans réponse, je ne reviendrai plus.\"}");
        assertEquals("PUBLISHED", fine.json.get("publication").asText());
    }
}
