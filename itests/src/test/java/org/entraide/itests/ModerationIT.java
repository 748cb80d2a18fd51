package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.support.Shell;
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

    @Inject
    @Filter(timeout = 180_000)
    SessionFactory sessions;

    @Test
    public void theShippedRulesModeratePostsInKaraf() throws Exception {
        ApiClient api = api();
        String admin = demoLogin(api, "admin");
        String moderator = demoLogin(api, "moderator");
        String customer = demoLogin(api, "customer");
        enable(api, admin, "moderation");

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

    /**
     * Rule sets from etc/ and the shell command, a held post corrected and approved, and, with reputation running
     * beside moderation, a rejection overturned on appeal giving back the points it cost.
     */
    @Test
    public void filesShellEditsAndReputationWorkTogetherInKaraf() throws Exception {
        ApiClient api = api();
        String admin = demoLogin(api, "admin");
        String moderator = demoLogin(api, "moderator");
        String customer = demoLogin(api, "customer");
        long customerId = api.get(DEMO + "/me", customer).json.get("id").asLong();
        enable(api, admin, "moderation");
        enable(api, admin, "reputation");

        Files.writeString(Path.of(System.getProperty("karaf.home"), "etc", "entraide-moderation-demo.json"),
            "{\"ruleSets\": [{\"name\": \"Concurrents\", \"active\": true, \"rules\": [{\"name\": \"competitor-links\", "
            + "\"action\": \"HOLD\", \"condition\": {\"type\": \"regex\", \"pattern\": \"concurrent\\\\.example\"}, "
            + "\"reason\": {\"fr\": \"Liens concurrents relus.\", \"en\": \"Competitor links reviewed.\"}}]}]}");
        Awaitility.await("rule set file read").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/moderation/rulesets", moderator).raw.body().contains("Concurrents"));
        Shell shell = new Shell(sessions);
        String listed = shell.run("entraide:moderation-rulesets demo");
        assertTrue(listed, listed.contains("Concurrents") && listed.contains("Propos injurieux"));
        String tried = shell.run("entraide:moderation-rulesets --dry-run \"Moins cher sur concurrent.example\" demo");
        assertTrue(tried, tried.contains("Decision: HOLD") && tried.contains("competitor-links"));

        long edited = api.post(DEMO + "/questions", customer, "{\"title\":\"Vendeur grossier\",\"body\":\"Ce vendeur est un connard.\"}")
            .json.get("id").asLong();
        ApiClient.Response approved = api.post(DEMO + "/moderation/queue/" + item(api, moderator, edited) + "/decision",
            moderator, "{\"decision\":\"approve\",\"body\":\"Vendeur désagréable.\"}");
        assertEquals(approved.toString(), 200, approved.status());
        assertEquals("Vendeur désagréable.", api.get(DEMO + "/questions/" + edited, null).json.get("body").asText());

        String reputation = DEMO + "/users/" + customerId + "/reputation";
        Awaitility.await("reputation").atMost(Duration.ofSeconds(60)).until(() -> api.get(reputation, null).status() == 200);
        int before = api.get(reputation, null).json.get("reputation").asInt();
        long rejected = api.post(DEMO + "/questions", customer, "{\"title\":\"Vendeur odieux\",\"body\":\"Quel abruti.\"}")
            .json.get("id").asLong();
        long item = item(api, moderator, rejected);
        assertEquals(200, api.post(DEMO + "/moderation/queue/" + item + "/decision", moderator,
            "{\"decision\":\"reject\",\"reasonCode\":\"abuse\"}").status());
        Awaitility.await("penalty").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(reputation, null).raw.body().contains("\"post-rejected\""));
        ApiClient.Response appeal = api.post(DEMO + "/moderation/appeals", customer,
            "{\"subject\":\"ITEM\",\"id\":" + item + ",\"statement\":\"Je citais le vendeur\"}");
        assertEquals(appeal.toString(), 201, appeal.status());
        assertEquals(200, api.post(DEMO + "/moderation/appeals/" + appeal.json.get("id").asLong() + "/decision", admin,
            "{\"outcome\":\"overturn\",\"reason\":\"Citation\"}").status());
        Awaitility.await("penalty given back").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(reputation, null).json.get("reputation").asInt() == before
                && api.get(reputation, null).raw.body().contains("post-restored"));
    }

    private static String demoLogin(ApiClient api, String who) {
        return api.login("demo", who + "@demo.example", "entraide-demo");
    }

    /** Installs the plugin's feature (once per container), then turns its capability on for the demo brand. */
    private void enable(ApiClient api, String admin, String capability) throws Exception {
        features.installFeature("entraide-" + capability, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await(capability + " capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"" + capability + "\""));
        assertEquals(200, api.put(DEMO + "/features", admin, "{\"" + capability + "\":true}").status());
    }

    /** The review queue's item of a held post. */
    private static long item(ApiClient api, String moderator, long postId) {
        Awaitility.await("queued").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/moderation/queue", moderator).raw.body().contains("\"postId\":" + postId + ","));
        for (com.fasterxml.jackson.databind.JsonNode i : api.get(DEMO + "/moderation/queue", moderator).json.get("items")) {
            if (i.get("postId").asLong() == postId) {
                return i.get("id").asLong();
            }
        }
        throw new AssertionError("no item for post " + postId);
    }
}
