package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.ApiClientAuth;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The instance console's API in the real distribution: an instance administrator opens a console session, lists
 * the capabilities of the feature repository, installs one through Karaf's FeaturesService as a job, sees it listed
 * as installed and offered to brands, and uninstalls it; the core and the web are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InstanceConsoleIT extends EntraideKarafTestSupport {
    private static final String KARAF = ApiClientAuth.basic("karaf", "karaf");

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Test
    public void anAdministratorInstallsACapabilityFromTheApi() throws Exception {
        ApiClient api = api();
        assertEquals(401, api.get("/api/v1/instance/capabilities", null).status());
        ApiClient.Response session = api.post("/api/v1/instance/sessions", KARAF, "");
        assertEquals(session.toString(), 201, session.status());
        String token = session.json.get("token").asText();

        JsonNode badges = capability(api, token, "entraide-badges");
        assertEquals(badges.toString(), 0, badges.get("installedVersions").size());
        assertTrue(badges.toString(), badges.get("description").asText().contains("badges"));
        assertTrue(capability(api, token, "entraide-core").get("platform").asBoolean());
        assertEquals(409, api.post("/api/v1/instance/capabilities/entraide-core/uninstall", token, "").status());

        ApiClient.Response job = api.post("/api/v1/instance/capabilities/entraide-badges/install", token, "{}");
        assertEquals(job.toString(), 202, job.status());
        long id = job.json.get("id").asLong();
        Awaitility.await("the installation job").atMost(Duration.ofSeconds(120)).until(() -> {
            String state = api.get("/api/v1/instance/jobs/" + id, token).json.get("state").asText();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        JsonNode done = api.get("/api/v1/instance/jobs/" + id, token).json;
        assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
        assertTrue("Karaf says it is installed", features.isInstalled(features.getFeature("entraide-badges")));
        assertEquals(1, capability(api, token, "entraide-badges").get("installedVersions").size());
        Awaitility.await("offered to brands").atMost(Duration.ofSeconds(60))
            .until(() -> api.get("/api/v1/brands/demo/features", null).raw.body().contains("\"badges\""));

        ApiClient.Response removal = api.post("/api/v1/instance/capabilities/entraide-badges/uninstall", token, "");
        assertEquals(removal.toString(), 202, removal.status());
        long removalId = removal.json.get("id").asLong();
        Awaitility.await("the uninstallation job").atMost(Duration.ofSeconds(120))
            .until(() -> !api.get("/api/v1/instance/jobs/" + removalId, token).json.get("state").asText().matches("QUEUED|RUNNING"));
        assertEquals("SUCCEEDED", api.get("/api/v1/instance/jobs/" + removalId, token).json.get("state").asText());
        assertFalse(features.isInstalled(features.getFeature("entraide-badges")));
    }

    private static JsonNode capability(ApiClient api, String token, String name) {
        ApiClient.Response list = api.get("/api/v1/instance/capabilities", token);
        assertEquals(list.toString(), 200, list.status());
        for (JsonNode c : list.json.get("items")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name + " is not listed: " + list);
    }
}
