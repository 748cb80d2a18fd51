package org.entraide.itests;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.Burst;
import org.entraide.itests.support.KarafProcess;
import org.entraide.itests.support.PostgresDatabase;
import org.entraide.itests.support.WebhookChecks;
import org.entraide.itests.support.WebhookReceiver;
import org.junit.Assume;
import org.junit.Test;

/**
 * kill -9 of Karaf in the middle of a burst of writes whose events a subscriber (the webhooks plugin) turns into
 * deliveries: after a restart, every acknowledged write has its event delivered, and none is applied twice.
 */
public class CrashDuringBurstIT {
    @Test
    public void noEventLostNoneAppliedTwiceOnH2() throws Exception {
        crash("crash-h2", Map.of());
    }

    @Test
    public void noEventLostNoneAppliedTwiceOnPostgres() throws Exception {
        PostgresDatabase db = PostgresDatabase.create();
        Assume.assumeTrue("PostgreSQL unreachable and CI not set: PostgreSQL run skipped", db != null);
        crash("crash-pg", Map.of("org.ops4j.datasource-entraide.cfg", Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver",
            "url", db.url(), "user", "postgres", "password", "")));
    }

    static Map<String, Map<String, String>> config(Map<String, Map<String, String>> extra) {
        Map<String, Map<String, String>> all = new java.util.HashMap<>(extra);
        all.put("org.entraide.core.cfg", Map.of("demo.enabled", "true", "ratelimit.post", "100000", "events.poll.millis", "50"));
        all.put("org.entraide.webhooks.cfg", Map.of("allow.insecure.http", "true", "allowed.internal.targets", "127.0.0.1/32",
            "send.poll.millis", "100", "retry.base.millis", "200"));
        return all;
    }

    private static void crash(String name, Map<String, Map<String, String>> db) throws Exception {
        try (KarafProcess karaf = KarafProcess.unpack(name, config(db)); WebhookReceiver receiver = new WebhookReceiver()) {
            karaf.bootFeature("entraide-webhooks");
            ApiClient api = karaf.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> api.get("/api/v1/brands/demo/features", null).raw.body().contains("\"webhooks\""));
            WebhookChecks.register(api, receiver);
            String token = api.login("demo", "customer@demo.example", "entraide-demo");
            List<Long> acknowledged;
            try (Burst burst = new Burst(List.of(api), token, 4)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> burst.count() >= 150);
                karaf.kill9();
                burst.close();
                acknowledged = burst.acknowledged();
            }
            ApiClient again = karaf.start();
            WebhookChecks.assertEveryWriteDeliveredOnce(again, receiver, acknowledged);
        }
    }
}
