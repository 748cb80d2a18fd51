package org.entraide.core.internal.metrics;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.core.internal.ops.OpsSettings;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics}: refused without an instance administrator or the configured token, and once scraped, every
 * family operators chart (docs/grafana-dashboard.json) is there, in a text Prometheus parses.
 */
public abstract class MetricsScenarios extends ApiScenarios {
    static final String TOKEN = "a-metrics-token-for-the-tests";
    private static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\.)*\",?)*})? "
        + "(-?[0-9.eE+-]+|NaN|[+-]Inf)");

    private final String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);

    @BeforeAll
    void someTraffic() throws Exception {
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:metrics.failing").routeId("metrics.failing").process(e -> {
                    throw new IllegalStateException("parked at once");
                });
            }
        });
        server.core.dispatcher.register(new SubscriberDescriptor("metrics-failing", null, "direct:metrics.failing",
            StartFrom.NOW, Set.of("post.published"), 1));
        Member asker = community.join("demo");
        community.askId(asker, "A question that metrics count");
        community.complaintId(asker, "LYON-PARTDIEU", false);
        http.get("/api/v1/brands/demo/questions", null);
        http.get("/api/v1/nowhere", null);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !server.core.deadLetters.pending("metrics-failing").isEmpty());
    }

    @Test
    void onlyInstanceAdministratorsOrTheTokenReadMetrics() {
        assertProblem(401, http.get("/metrics", null), "metrics without credentials");
        assertProblem(401, http.get("/metrics", Http.basic(TestServer.ROOT_USER, "wrong")), "metrics with a wrong password");
        Member member = community.join("demo");
        assertProblem(401, http.get("/metrics", member.token()), "metrics with a member's token");
        server.core.updateOps(new OpsSettings(10_000, TOKEN));
        try {
            assertEquals(200, http.get("/metrics", TOKEN).status(), "the configured token reads metrics");
            assertProblem(401, http.get("/metrics", TOKEN + "x"), "metrics with another token");
            assertEquals(200, http.get("/metrics", root).status(), "administrators still do");
        } finally {
            server.core.updateOps(OpsSettings.defaults());
        }
        assertProblem(401, http.get("/metrics", TOKEN), "a token no longer configured");
    }

    @Test
    void aScrapeHasEveryFamilyOperatorsChart() {
        Http.Response r = http.get("/metrics", root);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), "Prometheus text format: " + r);
        String text = r.raw().body();
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || SAMPLE.matcher(line).matches(),
                "every line is a comment or a sample: " + line);
        }
        for (String family : List.of("entraide_http_requests_total", "entraide_http_request_duration_seconds",
            "entraide_event_subscriber_lag", "entraide_event_subscriber_applied_total",
            "entraide_event_subscriber_events_per_second", "entraide_event_dead_letters", "entraide_mail_messages",
            "entraide_db_pool_connections", "jvm_memory_used_bytes", "jvm_gc_collections_total")) {
            assertTrue(text.contains("# TYPE " + family + " "), family + " is exposed:\n" + text);
        }
        assertHas(text, "entraide_http_requests_total{route=\"/api/v1/brands/{brand}/questions\",method=\"POST\",status=\"201\"}");
        assertHas(text, "entraide_http_requests_total{route=\"/api/v1/brands/{brand}/questions\",method=\"GET\",status=\"200\"}");
        assertHas(text, "entraide_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}");
        assertHas(text, "entraide_http_request_duration_seconds_bucket{route=\"/api/v1/brands/{brand}/questions\",method=\"GET\",le=\"+Inf\"}");
        assertHas(text, "entraide_http_request_duration_seconds_count{");
        assertHas(text, "entraide_event_dead_letters{");
        assertTrue(text.matches("(?s).*entraide_event_dead_letters\\{[^}]*subscriber=\"metrics-failing\"[^}]*} [1-9]\\d*\n.*"),
            "the parked events are counted:\n" + text);
        assertHas(text, "entraide_mail_messages{status=\"queued\"}");
        assertHas(text, "entraide_mail_messages{status=\"failed\"}");
        assertHas(text, "entraide_db_pool_connections{state=\"active\"}");
        assertHas(text, "jvm_memory_used_bytes{area=\"heap\"}");
    }

    /** The sample dashboard charts only families the endpoint exposes (the plugin's gauge comes with its plugin). */
    @Test
    void theSampleDashboardChartsExposedFamilies() throws Exception {
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/grafana-dashboard.json"));
        String text = http.get("/metrics", root).raw().body();
        java.util.regex.Matcher m = Pattern.compile("\\b((entraide|jvm)_[a-z_]+)").matcher(dashboard);
        Set<String> charted = new java.util.TreeSet<>();
        while (m.find()) {
            charted.add(m.group(1).replaceAll("_bucket$", ""));
        }
        charted.remove("entraide_complaints_late");
        assertTrue(charted.size() >= 10, "the dashboard charts the families: " + charted);
        for (String family : charted) {
            assertTrue(text.contains("# TYPE " + family + " "), family + " of the dashboard is exposed");
        }
    }

    private static void assertHas(String text, String prefix) {
        assertTrue(text.contains("\n" + prefix), "a sample starting with " + prefix + ":\n" + text);
    }
}
