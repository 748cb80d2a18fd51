package org.entraide.core.internal.instance;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.api.plugin.Capability;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.ratelimit.RatePolicy;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instance console's API over real HTTP, with a fake feature installer: only instance administrators (Basic or a
 * console session) list, install, uninstall and upgrade capabilities; jobs report their steps and errors in words; the
 * platform's own features are refused; nothing is changed by a refused request.
 */
public abstract class InstanceConsoleScenarios extends ApiScenarios {
    static final int LOGIN_LIMIT = 3;
    private static final String ROOT = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
    private final FakeInstaller installer = new FakeInstaller()
        .offer("entraide-core", "Entraide :: community core and REST API", "0.1.0.SNAPSHOT")
        .offer("entraide-web", "Entraide :: public community web pages", "0.1.0.SNAPSHOT")
        .offer("entraide-reputation", "Entraide :: reputation points", "0.1.0.SNAPSHOT", "0.2.0")
        .offer("entraide-badges", "Entraide :: expert badges", "0.1.0.SNAPSHOT")
        .offer("entraide-search", "Entraide :: full-text search", "0.1.0.SNAPSHOT")
        .offer("entraide-broken", "Entraide :: a feature whose bundle is missing", "0.1.0.SNAPSHOT")
        .offer("camel-core", "not ours", "4.14.0")
        .installed("entraide-core", "0.1.0.SNAPSHOT")
        .installed("entraide-web", "0.1.0.SNAPSHOT")
        .installed("entraide-reputation", "0.1.0.SNAPSHOT");

    @Override
    protected CoreSettings settings() {
        // a back-off long enough that a slow machine cannot outwait it between two requests
        return CoreSettings.defaults().withRates(RatePolicy.defaults().withLimits(Map.of("login", LOGIN_LIMIT))
            .withBackoff(Duration.ofMinutes(1), Duration.ofMinutes(15)));
    }

    @BeforeAll
    void karaf() {
        installer.failing.add("entraide-broken");
        server.core.capabilities.install(new Capability() {
            @Override
            public String name() {
                return "reputation";
            }

            @Override
            public String description() {
                return "points";
            }
        });
        server.core.capabilities.setDirectly(server.core.brands.require("demo").id(), "reputation", true);
        server.core.useInstaller(() -> installer);
    }

    @Test
    void onlyInstanceAdministratorsReachTheConsole() {
        assertProblem(401, http.get("/api/v1/instance/capabilities", ""), "anonymous");
        assertProblem(403, http.get("/api/v1/instance/capabilities", community.demo("admin").token()), "a brand admin");
        assertProblem(401, http.get("/api/v1/instance/capabilities", "x".repeat(43)), "an unknown session");
        assertProblem(401, http.get("/api/v1/instance/capabilities", Http.basic(TestServer.ROOT_USER, "wrong")),
            "a wrong password");
        int calls = installer.calls.size();
        assertProblem(403, http.post("/api/v1/instance/capabilities/entraide-badges/install",
            community.demo("admin").token(), "{}"), "a brand admin installs nothing");
        assertProblem(401, http.post("/api/v1/instance/capabilities/entraide-badges/install", null, "{}"), "nor a stranger");
        assertProblem(401, http.post("/api/v1/instance/sessions", community.demo("admin").token(), ""),
            "a member's token opens no console session");
        assertEquals(calls, installer.calls.size(), "nothing was asked of the installer");
        assertFalse(installer.isInstalled("entraide-badges", "0.1.0.SNAPSHOT"), "nothing installed");
    }

    @Test
    void wrongPasswordsAreThrottled() {
        String guesser = Http.basic("guesser", "wrong");
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            assertProblem(401, http.post("/api/v1/instance/sessions", guesser, ""), "guess " + i);
        }
        Http.Response blocked = http.post("/api/v1/instance/sessions", guesser, "");
        assertEquals(429, blocked.status(), "past the limit the guesser waits: " + blocked);
        assertTrue(Long.parseLong(blocked.header("Retry-After")) >= 1, "with Retry-After: " + blocked);
        assertEquals(200, http.get("/api/v1/instance/capabilities", ROOT).status(), "the administrator does not");
    }

    @Test
    void aSessionTokenStandsForThePasswordUntilSignedOut() {
        Http.Response opened = http.post("/api/v1/instance/sessions", ROOT, "");
        assertEquals(201, opened.status(), opened.toString());
        String token = opened.json().path("token").asText();
        assertTrue(opened.json().path("expiresAt").isTextual(), "it says when it ends: " + opened);
        String stored = server.core.db.inTransaction(c -> Sql.one(c, "SELECT token_digest FROM instance_session",
            rs -> rs.getString(1)).orElseThrow());
        assertFalse(stored.equals(token), "only its digest is stored");
        assertEquals(200, http.get("/api/v1/instance/capabilities", token).status(), "the session lists");
        assertEquals(204, http.delete("/api/v1/instance/sessions/current", token).status(), "signed out");
        assertProblem(401, http.get("/api/v1/instance/capabilities", token), "the token is gone");
    }

    @Test
    void theListShowsVersionsDescriptionsAndWhichBrandsEnableEach() {
        Http.Response r = http.get("/api/v1/instance/capabilities", ROOT);
        assertEquals(200, r.status(), r.toString());
        JsonNode items = r.json().path("items");
        JsonNode reputation = find(items, "entraide-reputation");
        assertEquals("reputation", reputation.path("capability").asText());
        assertEquals("Entraide :: reputation points", reputation.path("description").asText());
        assertEquals(List.of("0.1.0.SNAPSHOT", "0.2.0"), texts(reputation.path("versions")), "versions oldest first");
        assertEquals("0.2.0", reputation.path("latestVersion").asText());
        assertTrue(reputation.path("upgradable").asBoolean(), "a newer version is offered");
        assertTrue(texts(reputation.path("enabledBy")).contains("demo"), "the demo brand enables it: " + reputation);
        JsonNode core = find(items, "entraide-core");
        assertTrue(core.path("platform").asBoolean(), "the core is the platform's");
        assertFalse(core.path("upgradable").asBoolean());
        assertTrue(items.findValuesAsText("name").stream().allMatch(n -> n.startsWith("entraide-")), "ours only: " + items);
    }

    @Test
    void installUpgradeAndUninstallRunAsJobs() {
        Http.Response started = http.post("/api/v1/instance/capabilities/entraide-badges/install", ROOT, "{}");
        assertEquals(202, started.status(), started.toString());
        assertEquals("entraide-badges", started.json().path("feature").asText());
        assertEquals("0.1.0.SNAPSHOT", started.json().path("version").asText(), "the newest version");
        JsonNode done = awaitJob(started.json().path("id").asLong());
        assertEquals("SUCCEEDED", done.path("state").asText(), done.toString());
        assertTrue(texts(done.path("steps")).contains("entraide-badges 0.1.0.SNAPSHOT installed and started"), done.toString());
        assertTrue(installer.isInstalled("entraide-badges", "0.1.0.SNAPSHOT"));
        JsonNode badges = find(http.get("/api/v1/instance/capabilities", ROOT).json().path("items"), "entraide-badges");
        assertEquals(List.of("0.1.0.SNAPSHOT"), texts(badges.path("installedVersions")), "listed as installed");

        assertProblem(409, http.post("/api/v1/instance/capabilities/entraide-badges/install", ROOT, "{}"),
            "installed already");

        Http.Response upgrade = http.post("/api/v1/instance/capabilities/entraide-reputation/upgrade", ROOT, "{}");
        assertEquals(202, upgrade.status(), upgrade.toString());
        assertEquals("SUCCEEDED", awaitJob(upgrade.json().path("id").asLong()).path("state").asText());
        assertTrue(installer.isInstalled("entraide-reputation", "0.2.0"), "the new version is installed");
        assertFalse(installer.isInstalled("entraide-reputation", "0.1.0.SNAPSHOT"), "the old one is gone");
        assertTrue(installer.calls.contains("upgrade entraide-reputation 0.2.0"),
            "one replacement, never both versions side by side: " + installer.calls);
        assertProblem(409, http.post("/api/v1/instance/capabilities/entraide-reputation/upgrade", ROOT,
            Http.json("version", "0.1.0.SNAPSHOT")), "no downgrade");

        Http.Response removed = http.post("/api/v1/instance/capabilities/entraide-badges/uninstall", ROOT, "");
        assertEquals(202, removed.status(), removed.toString());
        assertEquals("SUCCEEDED", awaitJob(removed.json().path("id").asLong()).path("state").asText());
        assertFalse(installer.isInstalled("entraide-badges", "0.1.0.SNAPSHOT"), "uninstalled");
        assertProblem(409, http.post("/api/v1/instance/capabilities/entraide-badges/uninstall", ROOT, ""),
            "not installed any more");

        Http.Response jobs = http.get("/api/v1/instance/jobs", ROOT);
        assertEquals(removed.json().path("id").asLong(), jobs.json().path("items").get(0).path("id").asLong(), "newest first");
    }

    @Test
    void aFailedInstallationSaysWhyInWords() {
        Http.Response started = http.post("/api/v1/instance/capabilities/entraide-broken/install", ROOT, "{}");
        assertEquals(202, started.status(), started.toString());
        JsonNode failed = awaitJob(started.json().path("id").asLong());
        assertEquals("FAILED", failed.path("state").asText(), failed.toString());
        assertTrue(failed.path("error").asText().contains("missing requirement"), failed.toString());
    }

    @Test
    void thePlatformsFeaturesUnknownNamesAndBadVersionsAreRefused() {
        int calls = installer.calls.size();
        assertProblem(409, http.post("/api/v1/instance/capabilities/entraide-core/uninstall", ROOT, ""), "the core");
        assertProblem(409, http.post("/api/v1/instance/capabilities/entraide-web/uninstall", ROOT, ""), "the web");
        assertProblem(409, http.post("/api/v1/instance/capabilities/entraide-web/upgrade", ROOT, "{}"), "the web");
        assertProblem(404, http.post("/api/v1/instance/capabilities/entraide-nothing/install", ROOT, "{}"), "unknown");
        assertProblem(404, http.post("/api/v1/instance/capabilities/camel-core/install", ROOT, "{}"), "not ours");
        assertProblem(400, http.post("/api/v1/instance/capabilities/entraide-search/install", ROOT,
            Http.json("version", "9.9.9")), "a version not offered");
        assertProblem(400, http.post("/api/v1/instance/capabilities/entraide-search/install", ROOT,
            Http.json("version", "1 OR 1=1")), "not a version");
        assertProblem(404, http.get("/api/v1/instance/jobs/987654", ROOT), "unknown job");
        assertEquals(calls, installer.calls.size(), "nothing was asked of the installer");
        assertTrue(installer.isInstalled("entraide-core", "0.1.0.SNAPSHOT"), "the core stays");
    }

    @Test
    void outsideKarafTheConsoleSaysSo() {
        server.core.useInstaller(() -> null);
        try {
            Http.Response r = http.get("/api/v1/instance/capabilities", ROOT);
            assertProblem(503, r, "no feature service");
            assertTrue(r.json().path("detail").asText().contains("Karaf"), r.toString());
        } finally {
            server.core.useInstaller(() -> installer);
        }
    }

    private JsonNode awaitJob(long id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String state = http.get("/api/v1/instance/jobs/" + id, ROOT).json().path("state").asText();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return http.get("/api/v1/instance/jobs/" + id, ROOT).json();
    }

    private static JsonNode find(JsonNode items, String name) {
        for (JsonNode i : items) {
            if (i.path("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not listed: " + items);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
