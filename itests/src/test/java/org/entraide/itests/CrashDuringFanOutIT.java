package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.KarafProcess;
import org.entraide.itests.support.PostgresDatabase;
import org.junit.Assume;
import org.junit.Test;

/**
 * kill -9 of Karaf while the notifications plugin fans a question out, chunk after chunk, to the many followers of its
 * topic: after a restart the fan-out resumes after its last committed chunk and every follower has the question's
 * notification exactly once. The followers (tens of thousands) are written with SQL into the PostgreSQL database Karaf
 * runs on, so that the fan-out lasts long enough to be killed.
 */
public class CrashDuringFanOutIT {
    private static final int FOLLOWERS = 40_000;
    private static final String DEMO = "/api/v1/brands/demo";

    @Test
    public void everyFollowerHasTheNotificationExactlyOnceAfterAKillDuringTheFanOut() throws Exception {
        PostgresDatabase db = PostgresDatabase.create();
        Assume.assumeTrue("PostgreSQL unreachable and CI not set: run skipped", db != null);
        Map<String, Map<String, String>> config = CrashDuringBurstIT.config(Map.of("org.ops4j.datasource-entraide.cfg",
            Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver", "url", db.url(), "user", "postgres", "password", "")));
        try (KarafProcess karaf = KarafProcess.unpack("fanout-crash-pg", config)) {
            karaf.bootFeature("entraide-notifications");
            ApiClient api = karaf.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"notifications\""));
            String admin = api.login("demo", "admin@demo.example", "entraide-demo");
            assertEquals(200, api.put(DEMO + "/features", admin, "{\"notifications\":true}").status());
            // in the product only: the test is about the notifications, not 40,000 .eml files
            // the capability is listed once its component starts, its routes a moment later: the PUT is retried
            Awaitility.await("the notifications' routes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.put(DEMO + "/notifications/defaults", admin,
                    "{\"kinds\":[{\"kind\":\"question.posted\",\"channel\":\"app\"}]}").status() == 200);

            try (Connection c = DriverManager.getConnection(db.url(), "postgres", "")) {
                followers(c);
                String customer = api.login("demo", "customer@demo.example", "entraide-demo");
                ApiClient.Response asked = api.post(DEMO + "/questions", customer, "{\"title\":\"Quel grillage pour un potager ?\","
                    + "\"body\":\"Les lapins mangent tout, il me faut un grillage solide.\",\"topic\":\"jardin\",\"tags\":[]}");
                assertEquals(asked.toString(), 201, asked.status());
                long question = asked.json.get("id").asLong();

                // killed in the middle of the fan-out: its first chunks committed, the rest not yet written
                Awaitility.await("the fan-out under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> notified(c, question) >= FOLLOWERS / 8);
                karaf.kill9();
                long atKill = notified(c, question);
                assertTrue("killed during the fan-out (" + atKill + " notifications)", atKill < FOLLOWERS);
                assertTrue("its job recorded with its progress", count(c, "SELECT after_member FROM ntf_fanout WHERE "
                    + "kind = 'question.posted' AND thread_id = ? AND done_at IS NULL", question) > 0);

                ApiClient again = karaf.start();
                Awaitility.await("the fan-out done after the restart").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> notified(c, question) >= FOLLOWERS);
                Thread.sleep(3_000); // a second delivery of the event would write now
                assertEquals(FOLLOWERS, notified(c, question));
                assertEquals("each follower once", 0, count(c, "SELECT COUNT(*) FROM app_user u WHERE u.email LIKE "
                    + "'suiveur-%@crash.example' AND (SELECT COUNT(*) FROM ntf_notification n WHERE n.recipient_id = u.id AND "
                    + "n.kind = 'question.posted' AND n.thread_type = 'question' AND n.thread_id = ?) <> 1", question));
                assertEquals(200, again.get(DEMO + "/me/notifications/count", customer).status());
            }
        }
    }

    /** {@link #FOLLOWERS} members of demo watching the topic jardin since yesterday. */
    private static void followers(Connection c) throws SQLException {
        long brand = count(c, "SELECT id FROM brand WHERE slug = 'demo'");
        try (PreparedStatement users = c.prepareStatement("INSERT INTO app_user (brand_id, email, pseudonym, pseudonym_key, "
                + "password_hash, created_at) SELECT ?, 'suiveur-' || g || '@crash.example', 'Suiveur-' || g, 'suiveur-' || g, "
                + "'x', now() - interval '2 days' FROM generate_series(1, ?) AS s(g)");
             PreparedStatement follows = c.prepareStatement("INSERT INTO ntf_follow (brand_id, member_id, target_type, "
                + "target_key, level, created_at) SELECT brand_id, id, 'topic', 'jardin', 'watching', now() - interval '1 day' "
                + "FROM app_user WHERE email LIKE 'suiveur-%@crash.example'")) {
            users.setLong(1, brand);
            users.setInt(2, FOLLOWERS);
            users.executeUpdate();
            follows.executeUpdate();
        }
        try (PreparedStatement analyze = c.prepareStatement("ANALYZE")) {
            analyze.execute();
        }
    }

    private static long notified(Connection c, long question) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM ntf_notification WHERE kind = 'question.posted' AND thread_type = 'question' "
            + "AND thread_id = ?", question);
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
