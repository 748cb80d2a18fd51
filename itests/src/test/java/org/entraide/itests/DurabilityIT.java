package org.entraide.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.KarafProcess;
import org.entraide.itests.support.PostgresDatabase;
import org.junit.Assume;
import org.junit.Test;

/**
 * A write acknowledged to a client survives kill -9 of Karaf, on the default H2 file database (with its
 * write delay turned off) and on PostgreSQL: acknowledged questions are all there after a restart.
 */
public class DurabilityIT {
    @Test
    public void acknowledgedWritesSurviveKill9OnH2() throws Exception {
        check("durability-h2", Map.of());
    }

    @Test
    public void acknowledgedWritesSurviveKill9OnPostgres() throws Exception {
        PostgresDatabase db = PostgresDatabase.create();
        Assume.assumeTrue("PostgreSQL unreachable and CI not set: PostgreSQL run skipped", db != null);
        check("durability-pg", Map.of("org.ops4j.datasource-entraide.cfg", Map.of(
            "osgi.jdbc.driver.class", "org.postgresql.Driver", "url", db.url(), "user", "postgres", "password", "")));
    }

    private static void check(String name, Map<String, Map<String, String>> config) throws Exception {
        Map<String, Map<String, String>> all = new java.util.HashMap<>(config);
        all.put("org.entraide.core.cfg", Map.of("demo.enabled", "true", "ratelimit.post", "1000"));
        try (KarafProcess karaf = KarafProcess.unpack(name, all)) {
            ApiClient api = karaf.start();
            String token = api.login("demo", "customer@demo.example", "entraide-demo");
            List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ApiClient.Response r = api.post("/api/v1/brands/demo/questions", token,
                    "{\"title\":\"Question durable " + i + "\",\"body\":\"Écrite avant le crash.\"}");
                assertEquals(r.toString(), 201, r.status());
                acknowledged.add(r.json.get("id").asLong());
            }
            karaf.kill9();

            ApiClient again = karaf.start();
            for (long id : acknowledged) {
                ApiClient.Response r = again.get("/api/v1/brands/demo/questions/" + id, null);
                assertEquals("acknowledged question " + id + " survives kill -9: " + r, 200, r.status());
            }
        }
    }
}
