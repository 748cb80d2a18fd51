package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.support.IncidentJourney;
import org.entraide.itests.support.SmtpReceiver;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Notifications installed at runtime beside local managers, as Karaf wires them: a complaint is filed, the store's
 * manager is told (in the product and by e-mail through the core's mail service, to an SMTP server the test runs),
 * answers, and the complainant sees the bell count rise and receives the e-mail, which never names them to anyone.
 * With incidents beside them, a burst of complaints in one region is detected, declared, its statement reaches each
 * author, and it is closed in bulk ({@link IncidentJourney}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";
    private static final String SMTP_PORT = "entraide.itest.smtp.port";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Override
    protected Option[] extraOptions() {
        String port = String.valueOf(freePort());
        return new Option[] {
            editConfigurationFilePut("etc/org.entraide.core.cfg", "mail.smtp.uri", "smtp://127.0.0.1:" + port),
            editConfigurationFilePut("etc/org.entraide.core.cfg", "mail.from", "entraide@itest.example"),
            // every notification e-mailed at once (grouping a thread's e-mails is tested in the plugin's own tests)
            editConfigurationFilePut("etc/org.entraide.notifications.cfg", "email.thread.window.minutes", "0"),
            // the detection evaluates every second instead of every five minutes: the burst is found while the test waits
            editConfigurationFilePut("etc/org.entraide.incidents.cfg", "detection.period.millis", "1000"),
            editConfigurationFilePut("etc/system.properties", SMTP_PORT, port)};
    }

    @Test
    public void theComplaintLoopClosesWithoutAnyonePolling() throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String manager = api.login("demo", "manager@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        for (String f : List.of("entraide-local-managers", "entraide-notifications")) {
            features.installFeature(f, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        Awaitility.await("capabilities").atMost(Duration.ofSeconds(60)).until(() -> {
            String listed = api.get(DEMO + "/features", null).raw.body();
            return listed.contains("\"local-managers\"") && listed.contains("\"notifications\"");
        });
        assertEquals(200, api.put(DEMO + "/features", admin, "{\"local-managers\":true,\"notifications\":true}").status());
        long before = unread(api, customer);

        try (SmtpReceiver smtp = new SmtpReceiver(Integer.parseInt(System.getProperty(SMTP_PORT)))) {
            ApiClient.Response filed = api.post(DEMO + "/complaints", customer,
                "{\"title\":\"Caisse fermée samedi\",\"body\":\"Une seule caisse ouverte pendant une heure.\",\"storeCode\":\"LYON-PARTDIEU\"}");
            assertEquals(filed.toString(), 201, filed.status());
            long id = filed.json.get("id").asLong();

            Awaitility.await("the manager is told").atMost(Duration.ofSeconds(60)).until(() ->
                notifications(api, manager).toString().contains("\"kind\":\"complaint.assigned\""));
            ApiClient.Response answer = api.post(DEMO + "/complaints/" + id + "/responses", manager,
                "{\"body\":\"Nous renforçons les caisses le samedi.\"}");
            assertEquals(answer.toString(), 201, answer.status());

            Awaitility.await("the complainant's bell").atMost(Duration.ofSeconds(60)).until(() ->
                unread(api, customer) >= before + 2);
            String mine = notifications(api, customer).toString();
            assertTrue(mine, mine.contains("\"kind\":\"complaint.sent\"") && mine.contains("\"kind\":\"complaint.responded\""));
            assertTrue(mine, mine.contains("/b/demo/complaints/" + id));

            Awaitility.await("the e-mails of this complaint").atMost(Duration.ofSeconds(90)).until(() ->
                smtp.await(0, Duration.ZERO).stream().filter(m -> m.subject().contains("Caisse fermée samedi")).count() >= 3);
            // the e-mails of the complaint, to the manager and to the complainant (sent, then responded)
            List<SmtpReceiver.Message> mails = smtp.await(0, Duration.ZERO);
            SmtpReceiver.Message toManager = null;
            SmtpReceiver.Message responded = null;
            for (SmtpReceiver.Message m : mails) {
                assertFalse("no e-mail names the complainant to anyone else: " + m.data(),
                    !m.recipients().contains("customer@demo.example") && m.data().contains("customer@demo.example"));
                // the demo's own complaints are told too: only this test's complaint counts here
                if (m.recipients().contains("manager@demo.example") && m.subject().contains("Caisse fermée samedi")) {
                    assertTrue(toManager == null ? "" : "the assignment is e-mailed once, not by two plugins: " + mails, toManager == null);
                    toManager = m;
                }
                if (m.recipients().contains("customer@demo.example") && m.data().contains("/b/demo/complaints/" + id)
                    && m.subject().contains("a répondu à votre réclamation")) {
                    responded = m;
                }
            }
            assertNotNull("the manager's assignment e-mail: " + mails, toManager);
            assertNotNull("the complainant's e-mail about the response: " + mails, responded);
            assertTrue(responded.header("List-Unsubscribe"), String.valueOf(responded.header("List-Unsubscribe"))
                .contains("/api/v1/brands/demo/notifications/unsubscribe?token="));
            assertEquals("List-Unsubscribe=One-Click", responded.header("List-Unsubscribe-Post"));
            assertTrue(responded.header("From"), responded.header("From").contains("entraide@itest.example"));
        }

        assertEquals(204, api.post(DEMO + "/me/notifications/read-all", customer, "{}").status());
        assertEquals(0, unread(api, customer));
    }

    @Test
    public void aBurstInOneRegionIsDetectedDeclaredToldToEachAuthorAndClosedInBulk() throws Exception {
        ApiClient api = api();
        for (String f : List.of("entraide-local-managers", "entraide-notifications", "entraide-incidents")) {
            features.installFeature(f, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        try (SmtpReceiver smtp = new SmtpReceiver(Integer.parseInt(System.getProperty(SMTP_PORT)))) {
            new IncidentJourney(api).run(50);
        }
    }

    private static long unread(ApiClient api, String token) {
        ApiClient.Response r = api.get(DEMO + "/me/notifications/count", token);
        assertEquals(r.toString(), 200, r.status());
        return r.json.get("unread").asLong();
    }

    private static JsonNode notifications(ApiClient api, String token) {
        ApiClient.Response r = api.get(DEMO + "/me/notifications?size=50", token);
        assertEquals(r.toString(), 200, r.status());
        return r.json.get("items");
    }
}
