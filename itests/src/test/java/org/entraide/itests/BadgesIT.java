package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * Badges installed at runtime in the real distribution: the shipped definitions from etc/, the past of the
 * demo brand awarded once the brand enables them, a new answer earning its badge, the shell command.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadgesIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Inject
    @Filter(timeout = 180_000)
    SessionFactory sessions;

    @Test
    public void badgesAreAwardedForThePastAndForNewAnswers() throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        long customerId = api.get(DEMO + "/me", customer).json.get("id").asLong();

        features.installFeature("entraide-badges", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("badges capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"badges\""));
        ApiClient.Response on = api.put(DEMO + "/features", admin, "{\"badges\":true}");
        assertEquals(on.toString(), 200, on.status());
        Awaitility.await("badge routes").atMost(Duration.ofSeconds(60)).until(() -> api.get(DEMO + "/badges", null).status() == 200);
        assertTrue("the shipped definitions from etc/", api.get(DEMO + "/badges", null).raw.body().contains("topic-expert-gold"));

        ApiClient.Response q = api.post(DEMO + "/questions", admin, "{\"title\":\"Quelle colle pour du carrelage ?\",\"body\":\"b\"}");
        assertEquals(q.toString(), 201, q.status());
        ApiClient.Response a = api.post(DEMO + "/questions/" + q.json.get("id").asLong() + "/answers", customer,
            "{\"body\":\"Une colle flexible C2.\"}");
        assertEquals(a.toString(), 201, a.status());
        Awaitility.await("first answer badge").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/users/" + customerId + "/badges", null).raw.body().contains("\"first-answer\""));

        Shell shell = new Shell(sessions);
        String listed = shell.run("entraide:badges demo");
        assertTrue(listed, listed.contains("first-answer") && listed.contains("topic.answerScore >= 1000"));
        String holders = shell.run("entraide:badges demo first-answer");
        assertTrue(holders, holders.contains(String.valueOf(customerId)));
        String first = shell.run("entraide:badges --evaluate demo");
        assertTrue(first, first.contains("Brand demo evaluated: "));
        String again = shell.run("entraide:badges --evaluate demo");
        assertTrue("nothing is awarded twice: " + again, again.contains("Brand demo evaluated: 0 awards"));
    }
}
