package org.entraide.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.StoppableDataSource;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Liveness and readiness for a load balancer: ready while the database answers and subscribers keep up, 503 as soon
 * as either fails, ready again when it recovers; both public and telling only UP or DOWN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HealthScenarios {
    protected DataSource dataSource;
    private StoppableDataSource database;
    private TestServer server;
    private Http http;
    private Community community;

    protected abstract DataSource database();

    @BeforeAll
    void start() throws Exception {
        dataSource = database();
        database = new StoppableDataSource(dataSource);
        server = new TestServer(database);
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        community = new Community(http);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRunningNodeIsLiveAndReadyAndSaysNothingMore() {
        Http.Response live = http.get("/health/live", null);
        assertEquals(200, live.status(), "live: " + live);
        assertEquals("UP", live.json().get("status").asText(), live.toString());
        Http.Response ready = http.get("/health/ready", null);
        assertEquals(200, ready.status(), "ready: " + ready);
        JsonNode body = ready.json();
        assertEquals("UP", body.get("status").asText(), ready.toString());
        assertEquals(Set.of("status", "checks"), names(body), "only a status and its checks: " + ready);
        assertEquals(List.of("database", "migrations", "events"), List.copyOf(names(body.get("checks"))), ready.toString());
        body.get("checks").forEach(c -> assertEquals("UP", c.asText(), "every check UP: " + ready));
    }

    @Test
    void aStoppedDatabaseMakesTheNodeUnreadyButAlive() {
        database.stop();
        try {
            Http.Response ready = http.get("/health/ready", null);
            assertEquals(503, ready.status(), "not ready without its database: " + ready);
            assertEquals("DOWN", ready.json().get("status").asText(), ready.toString());
            assertEquals("DOWN", ready.json().get("checks").get("database").asText(), ready.toString());
            assertEquals(200, http.get("/health/live", null).status(), "still alive: a restart would not help");
        } finally {
            database.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/health/ready", null).status() == 200);
    }

    @Test
    void aSubscriberBehindTheThresholdMakesTheNodeUnready() throws Exception {
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:health.stuck").routeId("health.stuck").process(e -> {
                    throw new IllegalStateException("this subscriber never keeps up");
                });
            }
        });
        server.core.dispatcher.register(new SubscriberDescriptor("health-stuck", null, "direct:health.stuck", StartFrom.NOW,
            Set.of("post.published"), 1_000));
        try {
            server.core.updateOps(new OpsSettings(0, ""));
            community.askId(community.join("demo"), "A question the stuck subscriber cannot apply");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/health/ready", null).status() == 503);
            Http.Response ready = http.get("/health/ready", null);
            assertEquals("DOWN", ready.json().get("checks").get("events").asText(), ready.toString());
            assertEquals("UP", ready.json().get("checks").get("database").asText(), ready.toString());

            server.core.updateOps(new OpsSettings(1_000, ""));
            Http.Response tolerated = http.get("/health/ready", null);
            assertEquals(200, tolerated.status(), "a lag under the configured threshold is tolerated: " + tolerated);
        } finally {
            server.core.dispatcher.unregister("health-stuck");
            server.core.updateOps(OpsSettings.defaults());
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
