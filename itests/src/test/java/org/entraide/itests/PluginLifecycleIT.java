package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * A plugin installed and uninstalled at runtime while clients keep using the API: its routes appear and disappear,
 * its tables and data stay, and no request of the others fails meanwhile.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT extends EntraideKarafTestSupport {
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    private static final String DEMO = "/api/v1/brands/demo";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/org.entraide.core.cfg", "ratelimit.post", "100000"),
            editConfigurationFilePut("etc/org.entraide.webhooks.cfg", "allow.insecure.http", "true"),
            editConfigurationFilePut("etc/org.entraide.webhooks.cfg", "allowed.internal.targets", "127.0.0.1/32")};
    }

    @Test
    public void installAndUninstallUnderLoad() throws Exception {
        ApiClient api = api();
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    ApiClient.Response r = n % 2 == 0 ? api.get(DEMO + "/questions", null)
                        : api.post(DEMO + "/questions", customer, "{\"title\":\"Charge " + client + "-" + n + "\",\"body\":\"b\"}");
                    n++;
                    if (r.status() / 100 == 2) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(r.toString());
                    }
                }
            });
            t.start();
            load.add(t);
        }
        try {
            assertEquals(404, api.get(DEMO + "/webhooks", admin).status());
            features.installFeature("entraide-webhooks", NO_REFRESH);
            Awaitility.await("webhook routes").atMost(Duration.ofSeconds(60)).until(() -> api.get(DEMO + "/webhooks", admin).status() == 200);
            assertTrue(api.get(DEMO + "/features", null).raw.body().contains("\"webhooks\""));
            ApiClient.Response created = api.post(DEMO + "/webhooks", admin, "{\"url\":\"http://127.0.0.1:9/hook\"}");
            assertEquals(created.toString(), 201, created.status());
            long hook = created.json.get("id").asLong();
            Awaitility.await("deliveries queued").atMost(Duration.ofSeconds(30)).until(() ->
                api.get(DEMO + "/webhooks/" + hook + "/deliveries", admin).json.get("total").asInt() > 0);

            features.uninstallFeature("entraide-webhooks", NO_REFRESH);
            Awaitility.await("webhook routes gone").atMost(Duration.ofSeconds(60)).until(() -> api.get(DEMO + "/webhooks", admin).status() == 404);
            assertFalse(api.get(DEMO + "/features", null).raw.body().contains("\"webhooks\""));

            features.installFeature("entraide-webhooks", NO_REFRESH);
            Awaitility.await("webhook routes back").atMost(Duration.ofSeconds(60)).until(() -> api.get(DEMO + "/webhooks", admin).status() == 200);
            assertTrue("the plugin's data stayed while it was uninstalled",
                api.get(DEMO + "/webhooks", admin).raw.body().contains("http://127.0.0.1:9/hook"));
        } finally {
            running.set(false);
            for (Thread t : load) {
                t.join(30_000);
            }
        }
        assertEquals("requests of other clients never failed meanwhile", List.of(), failures);
        assertTrue("the load really ran: " + ok.get(), ok.get() > 50);
    }
}
