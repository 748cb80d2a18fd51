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
 * Two Karaf nodes on one PostgreSQL database, written to alternately: both dispatch events, and each event is
 * applied once by the webhooks subscriber across the two.
 */
public class TwoNodesIT {
    @Test
    public void eachEventAppliedOnceAcrossTwoNodes() throws Exception {
        PostgresDatabase db = PostgresDatabase.create();
        Assume.assumeTrue("PostgreSQL unreachable and CI not set: PostgreSQL run skipped", db != null);
        Map<String, Map<String, String>> config = CrashDuringBurstIT.config(Map.of("org.ops4j.datasource-entraide.cfg",
            Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver", "url", db.url(), "user", "postgres", "password", "")));
        try (KarafProcess one = KarafProcess.unpack("node-1", config); KarafProcess two = KarafProcess.unpack("node-2", config);
             WebhookReceiver receiver = new WebhookReceiver()) {
            one.bootFeature("entraide-webhooks");
            two.bootFeature("entraide-webhooks");
            ApiClient first = one.start();
            ApiClient second = two.start();
            for (ApiClient node : List.of(first, second)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> node.get("/api/v1/brands/demo/features", null).raw.body().contains("\"webhooks\""));
            }
            WebhookChecks.register(first, receiver);
            String token = first.login("demo", "customer@demo.example", "entraide-demo");
            List<Long> acknowledged;
            try (Burst burst = new Burst(List.of(first, second), token, 6)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> burst.count() >= 300);
                burst.close();
                acknowledged = burst.acknowledged();
            }
            WebhookChecks.assertEveryWriteDeliveredOnce(second, receiver, acknowledged);
        }
    }
}
