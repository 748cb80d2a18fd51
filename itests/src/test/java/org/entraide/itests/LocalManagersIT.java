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

/** Local managers installed at runtime in the real distribution: a complaint reaches the store's manager, who answers. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalManagersIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Test
    public void aComplaintReachesTheStoreManagerWhoAnswersIt() throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String manager = api.login("demo", "manager@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        features.installFeature("entraide-local-managers", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"local-managers\""));
        assertEquals(200, api.put(DEMO + "/features", admin, "{\"local-managers\":true}").status());

        ApiClient.Response filed = api.post(DEMO + "/complaints", customer,
            "{\"title\":\"Rayon vide mardi soir\",\"body\":\"Plus rien en rayon peinture.\",\"storeCode\":\"LYON-PARTDIEU\"}");
        assertEquals(filed.toString(), 201, filed.status());
        long id = filed.json.get("id").asLong();
        Awaitility.await("routed to the manager").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/managers/me/complaints", manager).raw.body().contains("\"complaintId\":" + id));
        ApiClient.Response answer = api.post(DEMO + "/complaints/" + id + "/responses", manager, "{\"body\":\"Réassort fait ce matin.\"}");
        assertEquals(answer.toString(), 201, answer.status());
        Awaitility.await("answered on the timeline").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("\"answered\""));
        assertTrue(api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("transmise au magasin"));
    }
}
