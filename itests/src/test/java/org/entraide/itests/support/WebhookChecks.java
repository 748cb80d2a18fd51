package org.entraide.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;

/** Sets up the webhook capability of the demo brand and checks that every acknowledged write reached it once. */
public final class WebhookChecks {
    private static final String ROOT = ApiClientAuth.basic("karaf", "karaf");

    private WebhookChecks() {
    }

    /** Registers the receiver for post.published events; returns the webhook id. */
    public static long register(ApiClient api, WebhookReceiver receiver) {
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        ApiClient.Response enabled = api.put("/api/v1/brands/demo/features", admin, "{\"webhooks\":true}");
        assertEquals(enabled.toString(), 200, enabled.status());
        // the capability is listed as soon as its bundle starts; its routes join the shared context a moment later
        Awaitility.await("webhook routes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .until(() -> api.get("/api/v1/brands/demo/webhooks", admin).status() == 200);
        ApiClient.Response r = api.post("/api/v1/brands/demo/webhooks", admin,
            "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"post.published\"]}");
        assertEquals(r.toString(), 201, r.status());
        return r.json.get("id").asLong();
    }

    /** Waits until the webhooks subscriber caught up and the receiver got every acknowledged question. */
    public static void assertEveryWriteDeliveredOnce(ApiClient api, WebhookReceiver receiver, List<Long> acknowledged) {
        // right after a restart the admin endpoints may not answer yet: keep polling
        Awaitility.await("webhooks subscriber caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .ignoreExceptions().until(() -> subscriber(api).get("lag").asLong() == 0);
        Awaitility.await("every acknowledged question delivered").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> receiver.eventsBySubject().keySet().containsAll(acknowledged));
        JsonNode s = subscriber(api);
        assertEquals("no subscriber failure (a double application would violate a unique key): " + s, 0,
            s.get("failures").asLong());
        assertEquals("no dead letter: " + s, 0, s.get("deadLetters").asLong());
        for (Map.Entry<Long, Set<String>> e : receiver.eventsBySubject().entrySet()) {
            assertEquals("question " + e.getKey() + " was published by exactly one event: " + e.getValue(), 1,
                e.getValue().size());
        }
        for (long id : acknowledged) {
            ApiClient.Response q = api.get("/api/v1/brands/demo/questions/" + id, null);
            assertEquals("acknowledged question " + id + " is stored", 200, q.status());
        }
        assertTrue(receiver.requests() >= acknowledged.size());
    }

    static JsonNode subscriber(ApiClient api) {
        for (JsonNode s : api.get("/api/v1/admin/events/subscribers", ROOT).json.get("items")) {
            if (s.get("name").asText().equals("webhooks")) {
                return s;
            }
        }
        throw new AssertionError("no webhooks subscriber");
    }
}
