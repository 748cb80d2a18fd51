package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.ApiClientAuth;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.support.Shell;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * What an operator watches, in the real distribution: liveness and readiness, the Prometheus metrics with the pool
 * (HikariCP 7 through org.entraide.jdbc.pool, sized by the shipped datasource file) and a plugin's gauge, the request id
 * and its log lines (text and JSON), and an online backup.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperationsIT extends EntraideKarafTestSupport {
    private static final String KARAF = ApiClientAuth.basic("karaf", "karaf");

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Inject
    @Filter(timeout = 180_000)
    SessionFactory sessions;

    @Inject
    BundleContext bundleContext;

    @Test
    public void anOperatorWatchesAndBacksUpTheServer() throws Exception {
        ApiClient api = api();
        assertEquals(200, api.get("/health/live", null).status());
        Awaitility.await("ready").atMost(Duration.ofSeconds(60)).until(() -> api.get("/health/ready", null).status() == 200);
        assertEquals("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"migrations\":\"UP\",\"events\":\"UP\"}}",
            api.get("/health/ready", null).raw.body());

        features.installFeature("entraide-local-managers", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get("/api/v1/brands/demo/features", null).raw.body().contains("\"local-managers\""));
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        assertEquals(200, api.put("/api/v1/brands/demo/features", admin, "{\"local-managers\":true}").status());
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        assertEquals(201, api.post("/api/v1/brands/demo/complaints", customer,
            "{\"title\":\"Rayon vide mardi soir\",\"body\":\"Plus rien en rayon.\",\"storeCode\":\"LYON-PARTDIEU\"}").status());

        assertEquals(401, api.get("/metrics", null).status());
        Awaitility.await("late complaints gauge").atMost(Duration.ofSeconds(60))
            .until(() -> api.get("/metrics", KARAF).raw.body().contains("\nentraide_complaints_late{brand=\"demo\"} "));
        ApiClient.Response metrics = api.get("/metrics", KARAF);
        assertEquals(200, metrics.status());
        for (String family : List.of("entraide_http_requests_total", "entraide_http_request_duration_seconds",
            "entraide_event_subscriber_lag", "entraide_event_dead_letters", "entraide_mail_messages",
            "entraide_db_pool_connections", "jvm_memory_used_bytes", "jvm_gc_collections_total", "entraide_complaints_late")) {
            assertTrue(family + " in the distribution's metrics:\n" + metrics.raw.body(),
                metrics.raw.body().contains("# TYPE " + family + " "));
        }
        assertTrue("the pool's size, pool.maximumPoolSize of etc/org.ops4j.datasource-entraide.cfg:\n" + metrics.raw.body(),
            metrics.raw.body().contains("\nentraide_db_pool_max_connections 8\n"));
        List<Bundle> hikari = Arrays.stream(bundleContext.getBundles())
            .filter(b -> "com.zaxxer.HikariCP".equals(b.getSymbolicName())).toList();
        assertEquals("one HikariCP: " + hikari, 1, hikari.size());
        assertEquals("the HikariCP org.entraide.jdbc.pool imports", 7, hikari.get(0).getVersion().getMajor());

        ApiClient.Response traced = api.get("/health/live", null);
        String id = traced.header("X-Request-Id");
        assertTrue("a request id: " + traced, id != null && !id.isBlank());
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        Awaitility.await("the request's log line").atMost(Duration.ofSeconds(10))
            .until(() -> Files.readString(log).matches("(?s).*GET /health/live route=/health/live status=200 millis=\\d+ requestId="
                + id + "\n.*"));

        Path backup = Path.of(System.getProperty("karaf.data"), "itest-backup.zip");
        String printed = new Shell(sessions).run("entraide:backup " + backup);
        assertTrue(printed, printed.contains("Backed up to " + backup));
        assertTrue(Files.size(backup) > 0);
        assertEquals("no ERROR in karaf.log", List.of(), logErrors());
    }
}
