package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;

import org.awaitility.Awaitility;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook plugin in the real core, with a real receiver on loopback: registration, signed deliveries,
 * retries after failures, the capability switch. Subclasses pick H2 or PostgreSQL.
 */
abstract class WebhookScenarios {
    /** What the receiver got. */
    record Received(String body, String eventId, String type, String timestamp, String signature) {
    }

    static final String DEMO = "/api/v1/brands/demo";

    TestServer server;
    Http http;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    String admin;
    String customer;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        WebhookPlugin plugin = new WebhookPlugin(server.core.db, server.core.migrator, server.core.endpoints,
            new WebhookSettings(Duration.ofMillis(50), Duration.ofSeconds(2), 4, Duration.ofMillis(100), true, InternalTargets.parse("127.0.0.1/32")),
            Clock.systemUTC());
        server.core.capabilities.install(new WebhookCapability());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(new String(body, StandardCharsets.UTF_8), h.getFirst("X-Entraide-Event-Id"),
                    h.getFirst("X-Entraide-Event-Type"), h.getFirst("X-Entraide-Timestamp"), h.getFirst("X-Entraide-Signature")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        http = new Http(server.base());
        admin = login("admin@demo.example");
        customer = login("customer@demo.example");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        server.close();
        dropDatabase();
    }

    String login(String email) {
        return http.post("/api/v1/auth/login", null, "{\"brand\":\"demo\",\"email\":\"" + email
            + "\",\"password\":\"" + DemoSeeder.PASSWORD + "\"}").json().get("token").asText();
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    Http.Response register(String types) {
        return http.post(DEMO + "/webhooks", admin, "{\"url\":\"" + hookUrl() + "\",\"eventTypes\":" + types + "}");
    }

    long ask(String title) {
        return http.post(DEMO + "/questions", customer, "{\"title\":\"" + title + "\",\"body\":\"corps\"}").json().get("id").asLong();
    }

    @Test
    void disabledCapabilityAnswers404AndDeliversNothing() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":false}");
        assertEquals(404, register("[]").status(), "a disabled capability has no endpoints");
        ask("Question sans webhook");
        assertEquals(List.of(), received);
    }

    @Test
    void signedEventsReachTheBrandsUrlOnce() throws Exception {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        assertEquals(403, http.post(DEMO + "/webhooks", customer, "{\"url\":\"" + hookUrl() + "\"}").status());
        Http.Response created = register("[\"post.published\"]");
        assertEquals(201, created.status(), created.toString());
        String secret = created.json().get("secret").asText();
        long q = ask("Question relayée au CRM");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
        Received r = received.get(0);
        assertEquals("post.published", r.type());
        assertTrue(r.body().contains("\"subjectId\":" + q), r.body());
        assertEquals(Signature.sign(secret, Long.parseLong(r.timestamp()), r.body()), r.signature(), "valid HMAC");
        long hook = created.json().get("id").asLong();
        // the receiver answers before the sender commits: wait for the recorded outcome
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(http.get(DEMO + "/webhooks/" + hook
            + "/deliveries", admin).json().get("items").get(0).get("status").asText()));
        Http.Response deliveries = http.get(DEMO + "/webhooks/" + hook + "/deliveries", admin);
        assertEquals(1, deliveries.json().get("total").asInt(), "one delivery per event and endpoint: " + deliveries);
        assertTrue(http.get(DEMO + "/webhooks", admin).raw().body().contains(hookUrl()));
        assertTrue(!http.get(DEMO + "/webhooks", admin).raw().body().contains(secret), "the secret is shown once only");
    }

    @Test
    void specialPurposeAndAmbiguousUrlsAreRefusedWith400NamingTheFieldAndNothingIsStored() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        for (String url : new String[] {"http://100.100.100.200/latest", "http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b::7f00:1]/",
            "http://[2002:7f00:1::1]/", "http://192.0.0.170/", "http://198.18.0.1/", "http://240.0.0.1/", "http://255.255.255.255/",
            "http://127.0.0.2/hook", "http://0177.0.0.1/", "http://0x7f.1/", "http://2130706433/", "http://127.1/"}) {
            Http.Response r = http.post(DEMO + "/webhooks", admin, "{\"url\":\"" + url + "\"}");
            assertEquals(400, r.status(), url + " " + r);
            assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), url);
            assertTrue(r.raw().body().contains("\"url\""), "names the field: " + r);
            assertTrue(!r.raw().body().contains("Exception") && !r.raw().body().contains("org.entraide"), "no Java names: " + r);
        }
        assertEquals(0, http.get(DEMO + "/webhooks", admin).json().get("items").size(), "nothing stored");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOff() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        long hook = register("[]").json().get("id").asLong();
        failuresLeft.set(2);
        ask("Question au récepteur capricieux");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> "post.published".equals(r.type())));
        var items = http.get(DEMO + "/webhooks/" + hook + "/deliveries?size=50", admin).json().get("items");
        boolean retried = false;
        for (var d : items) {
            retried |= d.get("attempts").asInt() >= 2;
        }
        assertTrue(retried, "some delivery needed retries: " + items);
        assertEquals(204, http.send(http.builder(DEMO + "/webhooks/" + hook, admin).DELETE()).status());
        assertEquals(403, http.send(http.builder(DEMO + "/webhooks/" + hook, customer).DELETE()).status(), "admins only");
    }
}
