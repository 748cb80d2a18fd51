package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.ApiClientAuth;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.upgrade.ProbeBundles;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * A capability upgraded on a running server, with a schema migration, through the instance console's upgrade
 * operation (Karaf's FeaturesService), while clients keep calling the core and another capability: version 1.0.0 of
 * a test capability ({@link ProbeBundles}: migration V1) is installed from a feature repository and writes notes; the
 * console upgrades it to 1.1.0 (migration V2 adds a column and fills it for the notes written before). Every request
 * to the core and to reputation during the upgrade succeeds, the old notes are there, migrated, and 1.1.0 serves them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveUpgradeIT extends EntraideKarafTestSupport {
    private static final String REPOSITORY = "entraide.itest.upgrade.repository";
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    private static final String KARAF = ApiClientAuth.basic("karaf", "karaf");
    private static final String DEMO = "/api/v1/brands/demo";
    private static final String NOTES = DEMO + "/probe-notes";
    private static final String CONSOLE = "/api/v1/instance/capabilities/" + ProbeBundles.FEATURE;

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Override
    protected Option[] extraOptions() {
        try {
            Path repository = ProbeBundles.write(Path.of("target", "upgrade-probe").toAbsolutePath());
            return new Option[] {
                systemProperty(REPOSITORY).value(repository.toUri().toString()),
                editConfigurationFilePut("etc/org.entraide.core.cfg", "ratelimit.post", "100000")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void upgradeWithAMigrationWhileClientsKeepCallingTheCore() throws Exception {
        ApiClient api = api();
        features.installFeature("entraide-reputation", NO_REFRESH);
        features.addRepository(URI.create(System.getProperty(REPOSITORY)));
        String console = api.post("/api/v1/instance/sessions", KARAF, "").json.get("token").asText();
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");

        JsonNode installed = finished(api, console, api.post(CONSOLE + "/install", console, "{\"version\":\"1.0.0\"}"));
        assertEquals(installed.toString(), "SUCCEEDED", installed.get("state").asText());
        Awaitility.await("1.0.0 serving").atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> api.get(NOTES, null).json.get("version").asText().equals("1.0.0"));
        for (String body : List.of("Première note écrite par la version un", "Deuxième note", "Troisième")) {
            ApiClient.Response r = api.post(NOTES, customer, "{\"body\":\"" + body + "\"}");
            assertEquals(r.toString(), 201, r.status());
        }
        Awaitility.await("reputation serving").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/leaderboard", null).status() == 200);
        assertTrue(capability(api, console).get("upgradable").asBoolean());

        Load load = new Load(api, customer);
        JsonNode upgrade;
        try {
            Awaitility.await("load running").atMost(Duration.ofSeconds(30)).until(() -> load.ok.get() > 20);
            int before = load.ok.get();
            upgrade = finished(api, console, api.post(CONSOLE + "/upgrade", console, "{\"version\":\"1.1.0\"}"));
            Awaitility.await("1.1.0 serving").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> api.get(NOTES, null).json.get("version").asText().equals("1.1.0"));
            assertTrue("the load ran during the upgrade: " + before + " then " + load.ok.get(), load.ok.get() > before + 10);
        } finally {
            load.stop();
        }
        System.out.println("LiveUpgradeIT: " + load.ok.get() + " core and reputation requests, the probe's own answered "
            + load.probe);
        assertEquals(upgrade.toString(), "SUCCEEDED", upgrade.get("state").asText());
        assertEquals("every request to the core and to reputation succeeded during the upgrade", List.of(), load.failures);

        JsonNode notes = api.get(NOTES, null).json.get("items");
        assertEquals(notes.toString(), 3, notes.size());
        assertEquals(notes.toString(), "Première note écrite par la version un", notes.get(0).get("body").asText());
        assertEquals("migration V2 counted the words of 1.0.0's notes: " + notes, 7, notes.get(0).get("words").asInt());
        assertEquals(notes.toString(), 1, notes.get(2).get("words").asInt());
        ApiClient.Response added = api.post(NOTES, customer, "{\"body\":\"Écrite par la version 1.1.0\"}");
        assertEquals(added.toString(), 201, added.status());
        assertEquals(5, api.get(NOTES, null).json.get("items").get(3).get("words").asInt());

        assertFalse("1.0.0 is gone", features.isInstalled(features.getFeature(ProbeBundles.FEATURE, "1.0.0")));
        assertTrue(features.isInstalled(features.getFeature(ProbeBundles.FEATURE, "1.1.0")));
        JsonNode listed = capability(api, console);
        assertEquals(listed.toString(), "[\"1.1.0\"]", listed.get("installedVersions").toString());
        assertFalse(listed.get("upgradable").asBoolean());
        assertTrue(listed.toString(), listed.get("enabledBy").toString().contains("demo"));
        Awaitility.await("reputation applied every event written during the upgrade").atMost(Duration.ofSeconds(60))
            .until(() -> lag(api, "reputation") == 0);
    }

    /** Core reads and writes and reputation's leaderboard as fast as three clients go; the probe's own answers counted. */
    private static final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger ok = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Integer> probe = new ConcurrentHashMap<>();
        final List<Thread> threads = new ArrayList<>();

        Load(ApiClient api, String customer) {
            for (int i = 0; i < 3; i++) {
                int client = i;
                Thread t = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        ApiClient.Response r = switch (n % 3) {
                            case 0 -> api.get(DEMO + "/questions", null);
                            case 1 -> api.post(DEMO + "/questions", customer,
                                "{\"title\":\"Pendant la mise à jour " + client + "-" + n + "\",\"body\":\"b\"}");
                            default -> api.get(DEMO + "/leaderboard", null);
                        };
                        if (r.status() / 100 == 2) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(r.toString());
                        }
                        if (client == 0) {
                            probe.merge(api.get(NOTES, null).status(), 1, Integer::sum);
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    private static JsonNode finished(ApiClient api, String console, ApiClient.Response started) {
        assertEquals(started.toString(), 202, started.status());
        long id = started.json.get("id").asLong();
        Awaitility.await("job " + id).atMost(Duration.ofSeconds(120))
            .until(() -> !api.get("/api/v1/instance/jobs/" + id, console).json.get("state").asText().matches("QUEUED|RUNNING"));
        return api.get("/api/v1/instance/jobs/" + id, console).json;
    }

    private static JsonNode capability(ApiClient api, String console) {
        for (JsonNode c : api.get("/api/v1/instance/capabilities", console).json.get("items")) {
            if (c.get("name").asText().equals(ProbeBundles.FEATURE)) {
                return c;
            }
        }
        throw new AssertionError(ProbeBundles.FEATURE + " is not listed");
    }

    private static long lag(ApiClient api, String subscriber) {
        for (JsonNode s : api.get("/api/v1/admin/events/subscribers", KARAF).json.get("items")) {
            if (s.get("name").asText().equals(subscriber)) {
                return s.get("lag").asLong();
            }
        }
        return -1;
    }
}
