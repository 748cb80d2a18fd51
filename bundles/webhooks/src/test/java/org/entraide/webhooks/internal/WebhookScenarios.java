package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    WebhookPlugin plugin;
    Http http;
    HttpServer receiver;
    HttpServer stalled;
    final CountDownLatch stall = new CountDownLatch(1);
    final AtomicInteger stalledInFlight = new AtomicInteger();
    final AtomicInteger stalledMostAtOnce = new AtomicInteger();
    final Set<String> stalledEvents = ConcurrentHashMap.newKeySet();
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
        // a long budget, so that a stalled receiver is still stalled when the healthy one has everything
        plugin = new WebhookPlugin(server.core.db, server.core.migrator, server.core.endpoints,
            new WebhookSettings(Duration.ofMillis(50), Duration.ofSeconds(30), 4, Duration.ofMillis(100), true,
                InternalTargets.parse("127.0.0.1/32"), new SendLimits(4, 2, 3, Duration.ofSeconds(1))),
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
        stalled = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stalled.setExecutor(Executors.newCachedThreadPool());
        stalled.createContext("/stall", exchange -> {
            exchange.getRequestBody().readAllBytes();
            stalledMostAtOnce.accumulateAndGet(stalledInFlight.incrementAndGet(), Math::max);
            try {
                stall.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stalledInFlight.decrementAndGet();
            stalledEvents.add(exchange.getRequestHeaders().getFirst("X-Entraide-Event-Id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        stalled.start();
        http = new Http(server.base());
        admin = login("admin@demo.example");
        customer = login("customer@demo.example");
    }

    @AfterEach
    void stop() {
        stall.countDown();
        plugin.close();
        stalled.stop(0);
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
        return ask(DEMO, customer, title);
    }

    long ask(String brand, String token, String title) {
        Http.Response r = http.post(brand + "/questions", token, "{\"title\":\"" + title + "\",\"body\":\"corps\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
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
    void receiversNeverLearnWhoFiledAComplaint() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        assertEquals(201, register("[\"post.submitted\",\"post.published\",\"complaint.filed\",\"complaint.published\"]").status());
        long customerId = http.get(DEMO + "/me", customer).json().get("id").asLong();
        Http.Response filed = http.post(DEMO + "/complaints", customer, "{\"title\":\"Caisse fermée\",\"body\":\"Une seule caisse.\","
            + "\"storeCode\":\"LYON-PARTDIEU\"}");
        assertEquals(201, filed.status(), filed.toString());
        long q = ask("Une question signée");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 6);
        for (Received r : received) {
            boolean aboutComplaint = r.body().contains("\"subjectId\":" + filed.json().get("id").asLong() + ",");
            if (aboutComplaint) {
                assertFalse(r.body().contains("\"authorId\""), "no complainant in " + r.type() + ": " + r.body());
            } else {
                assertTrue(r.body().contains("\"authorId\":" + customerId), "a question's author is public: " + r.body());
            }
        }
        assertEquals(4, received.stream().filter(r -> r.body().contains("\"complaintId\"") || r.body().contains("\"postType\":\"COMPLAINT\""))
            .count(), "post.submitted, complaint.filed, post.published and complaint.published of the complaint");
        assertTrue(q > 0);
        Http.Response typo = http.get(DEMO + "/webhooks?pgae=2", admin);
        assertEquals(400, typo.status(), "an unknown query parameter is named, not ignored: " + typo);
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
        var list = http.get(DEMO + "/webhooks?size=5", admin).json();
        assertEquals(java.util.List.of("items", "page", "size", "total"), java.util.stream.StreamSupport.stream(
            java.util.Spliterators.spliteratorUnknownSize(list.fieldNames(), 0), false).sorted().toList(), "a list like every list");
        assertEquals(5, list.get("size").asInt());
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOff() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        long hook = register("[]").json().get("id").asLong();
        failuresLeft.set(2);
        ask("Question au récepteur capricieux");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> "post.published".equals(r.type())));
        // the receiver has the request before the sender records the attempt: its row is awaited, not read at once
        Awaitility.await("a delivery recorded after its retries").atMost(Duration.ofSeconds(20)).until(() -> {
            var items = http.get(DEMO + "/webhooks/" + hook + "/deliveries?size=50", admin).json().get("items");
            boolean retried = false;
            for (var d : items) {
                retried |= d.get("attempts").asInt() >= 2 && !d.get("deliveredAt").isNull();
            }
            return retried;
        });
        assertEquals(204, http.send(http.builder(DEMO + "/webhooks/" + hook, admin).DELETE()).status());
        assertEquals(403, http.send(http.builder(DEMO + "/webhooks/" + hook, customer).DELETE()).status(), "admins only");
    }

    @Test
    void aStalledReceiverOfOneBrandDoesNotHoldBackAnotherBrandsDeliveries() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        assertEquals(201, register("[\"post.published\"]").status());
        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        assertEquals(201, http.post("/api/v1/admin/brands", root, "{\"slug\":\"acme\",\"name\":\"Acme\","
            + "\"adminEmail\":\"boss@acme.example\",\"adminPassword\":\"acme-password\",\"adminPseudonym\":\"Boss\"}").status());
        String boss = http.post("/api/v1/auth/login", null, "{\"brand\":\"acme\",\"email\":\"boss@acme.example\","
            + "\"password\":\"acme-password\"}").json().get("token").asText();
        String acme = "/api/v1/brands/acme";
        assertEquals(200, http.put(acme + "/features", boss, "{\"webhooks\":true}").status());
        String stalledUrl = "http://127.0.0.1:" + stalled.getAddress().getPort() + "/stall";
        assertEquals(201, http.post(acme + "/webhooks", boss, "{\"url\":\"" + stalledUrl + "\",\"eventTypes\":[\"post.published\"]}")
            .status());
        for (int i = 0; i < 6; i++) {
            ask(acme, boss, "Question d'Acme " + i);      // queued first: the old sender tried these first, one by one
            ask("Question de démo " + i);
        }
        Awaitility.await("the healthy receiver gets every event").atMost(Duration.ofSeconds(20))
            .until(() -> received.size() == 6);
        assertTrue(stalledInFlight.get() >= 1, "delivered while the stalled receiver still holds its requests");
        assertTrue(stalledMostAtOnce.get() <= 2, "at most endpoint.concurrency requests at once to one endpoint: "
            + stalledMostAtOnce.get());
        stall.countDown();
        Awaitility.await("the stalled receiver's events are not lost").atMost(Duration.ofSeconds(30))
            .until(() -> stalledEvents.size() == 6);
    }

    @Test
    void repeatedFailuresOpenTheEndpointsCircuitWhichHoldsItsDeliveriesWithoutLosingThem() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        long hook = register("[\"test.only\"]").json().get("id").asLong();
        WebhookStore store = new WebhookStore();
        Instant now = Instant.now();
        Instant openUntil = now.plus(Duration.ofHours(1));
        server.core.db.inTransaction(c -> {
            for (int i = 0; i < 3; i++) {
                store.endpointFailed(c, hook, 3, openUntil);
            }
            store.enqueue(c, hook, 987_654L, "test.only", "{}", now);
            return null;
        });
        var listed = http.get(DEMO + "/webhooks", admin).json().get("items").get(0);
        assertEquals(3, listed.get("consecutiveFailures").asInt(), listed.toString());
        assertTrue(!listed.get("circuitOpenUntil").isNull(), "brand admins see the open circuit: " + listed);
        server.core.db.inTransaction(c -> {
            assertTrue(store.lockDue(c, now.plusSeconds(1), Set.of(), 20).stream().noneMatch(d -> d.endpointId() == hook),
                "an open circuit holds the endpoint's deliveries back");
            assertTrue(store.lockDue(c, openUntil.plusSeconds(1), Set.of(), 20).stream().anyMatch(d -> d.endpointId() == hook),
                "still pending, tried again once the circuit's time is over");
            return null;
        });
        server.core.db.inTransaction(c -> {
            store.endpointSucceeded(c, hook);
            return null;
        });
        listed = http.get(DEMO + "/webhooks", admin).json().get("items").get(0);
        assertEquals(0, listed.get("consecutiveFailures").asInt());
        assertTrue(listed.get("circuitOpenUntil").isNull(), "a success closes it: " + listed);
    }

    @Test
    void aReceiverThatKeepsFailingOpensItsCircuit() {
        http.put(DEMO + "/features", admin, "{\"webhooks\":true}");
        long hook = register("[]").json().get("id").asLong();
        failuresLeft.set(1_000);
        for (int i = 0; i < 3; i++) {
            ask("Question au récepteur en panne " + i);
        }
        Awaitility.await("the circuit opens after 3 failures in a row").atMost(Duration.ofSeconds(20)).until(() ->
            !http.get(DEMO + "/webhooks", admin).json().get("items").get(0).get("circuitOpenUntil").isNull());
        var items = http.get(DEMO + "/webhooks/" + hook + "/deliveries?size=50", admin).json().get("items");
        assertTrue(items.size() >= 3, items.toString());
    }
}
