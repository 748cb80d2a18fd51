package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.entraide.api.storage.Transactions;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.support.SmtpReceiver;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Local managers installed at runtime in the real distribution: a complaint reaches the store's manager, by e-mail
 * through the container's Camel mail to an SMTP server the test runs inside the container, and the manager answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalManagersIT extends EntraideKarafTestSupport {
    private static final String DEMO = "/api/v1/brands/demo";
    private static final String SMTP_PORT = "entraide.itest.smtp.port";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Inject
    @Filter(timeout = 180_000)
    Transactions tx;

    /** The plugin's configuration, as an operator writes it, points at the test's SMTP server. */
    @Override
    protected Option[] extraOptions() {
        String port = String.valueOf(freePort());
        return new Option[] {
            editConfigurationFilePut("etc/org.entraide.core.cfg", "mail.smtp.uri", "smtp://127.0.0.1:" + port),
            editConfigurationFilePut("etc/org.entraide.core.cfg", "mail.from", "entraide@itest.example"),
            editConfigurationFilePut("etc/org.entraide.localmanagers.cfg", "deadlines.period.millis", "1000"),
            editConfigurationFilePut("etc/system.properties", SMTP_PORT, port)};
    }

    @Test
    public void aComplaintReachesTheStoreManagerWhoAnswersIt() throws Exception {
        try (SmtpReceiver smtp = new SmtpReceiver(Integer.parseInt(System.getProperty(SMTP_PORT)))) {
            routeAnswerAndMail(smtp);
        }
        theRegionAnswersOnceEscalated();
    }

    private void routeAnswerAndMail(SmtpReceiver smtp) throws Exception {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String manager = api.login("demo", "manager@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        features.installFeature("entraide-local-managers", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Awaitility.await("capability").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/features", null).raw.body().contains("\"local-managers\""));
        assertEquals(200, api.put(DEMO + "/features", admin, "{\"local-managers\":true}").status());

        ApiClient.Response filed = api.post(DEMO + "/complaints", customer,
            "{\"title\":\"Rayon vide mardi soir\",\"body\":\"Plus rien en rayon peinture.\",\"storeCode\":\"LYON-PARTDIEU\"}");
        assertEquals(filed.toString(), 201, filed.status());
        long id = filed.json.get("id").asLong();
        Awaitility.await("routed to the manager").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/managers/me/complaints", manager).raw.body().contains("\"complaintId\":" + id));
        ApiClient.Response answer = api.post(DEMO + "/complaints/" + id + "/responses", manager, "{\"body\":\"Réassort fait ce matin.\"}");
        assertEquals(answer.toString(), 201, answer.status());
        Awaitility.await("answered on the timeline").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("\"answered\""));
        assertTrue(api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("transmise au magasin"));

        // the mail route runs every 5 s: the manager's e-mail was queued with the assignment (the demo brand's seeded
        // Lyon complaints, routed when the capability was installed, have theirs too: the demo brand has had every
        // capability since its creation)
        java.time.Instant end = java.time.Instant.now().plusSeconds(60);
        List<SmtpReceiver.Message> mails = List.of();
        while (mails.isEmpty() && java.time.Instant.now().isBefore(end)) {
            mails = smtp.await(1, Duration.ofSeconds(5)).stream().filter(m -> m.text().contains("complaint #" + id)).toList();
            Thread.sleep(200);
        }
        assertEquals("one e-mail, to the assigned manager: " + mails, 1, mails.size());
        SmtpReceiver.Message mail = mails.get(0);
        assertEquals(List.of("manager@demo.example"), mail.recipients());
        assertTrue(mail.header("To"), mail.header("To").contains("manager@demo.example"));
        assertTrue(mail.header("From"), mail.header("From").contains("entraide@itest.example"));
        assertEquals("Nouvelle réclamation — Lyon Part-Dieu / New complaint — Lyon Part-Dieu", mail.subject());
        String text = mail.text();
        assertTrue(text, text.contains("complaint #" + id) && text.contains("Rayon vide mardi soir"));
        assertFalse("never the complainant's e-mail: " + mail.data(), mail.data().contains("customer@demo.example"));
    }

    /**
     * The core asks the plugin's OfficialResponders service, bound by the whiteboard, whether a regional manager may
     * answer: not before the escalation, then in the region's name. The store's deadline is 24 opening hours: the
     * test moves it into the past, and the deadlines route (every second here) escalates.
     */
    private void theRegionAnswersOnceEscalated() {
        ApiClient api = api();
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        String customer = api.login("demo", "customer@demo.example", "entraide-demo");
        long managerId = api.get(DEMO + "/me", api.login("demo", "manager@demo.example", "entraide-demo")).json.get("id").asLong();
        ApiClient.Response reg = api.post("/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"sud-est@demo.example\","
            + "\"password\":\"correct-horse-battery\",\"pseudonym\":\"Direction-Sud-Est\"}");
        assertEquals(reg.toString(), 202, reg.status());
        String regional = api.login("demo", "sud-est@demo.example", "correct-horse-battery");
        assertEquals(200, api.put(DEMO + "/regions/SUD-EST", admin, "{\"name\":\"Sud-Est\",\"managers\":["
            + api.get(DEMO + "/me", regional).json.get("id").asLong() + "]}").status());
        ApiClient.Response settings = api.put(DEMO + "/stores/LYON-PARTDIEU/settings", admin, "{\"timeZone\":\"Europe/Paris\","
            + "\"hours\":{\"MONDAY\":[\"09:00-19:00\"],\"TUESDAY\":[\"09:00-19:00\"],\"WEDNESDAY\":[\"09:00-19:00\"],"
            + "\"THURSDAY\":[\"09:00-19:00\"],\"FRIDAY\":[\"09:00-19:00\"],\"SATURDAY\":[\"09:00-19:00\"]},"
            + "\"region\":\"SUD-EST\",\"managers\":[" + managerId + "]}");
        assertEquals(settings.toString(), 200, settings.status());
        ApiClient.Response filed = api.post(DEMO + "/complaints", customer,
            "{\"title\":\"Colis jamais livré\",\"body\":\"Commande du 3 novembre.\",\"storeCode\":\"LYON-PARTDIEU\"}");
        assertEquals(filed.toString(), 201, filed.status());
        long id = filed.json.get("id").asLong();
        String responses = DEMO + "/complaints/" + id + "/responses";
        Awaitility.await("routed").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("\"sent-to-store\""));
        assertEquals("the store has its deadline first", 403, api.post(responses, regional, "{\"body\":\"Trop tôt.\"}").status());

        tx.inTransaction(c -> {
            try (java.sql.PreparedStatement due = c.prepareStatement("UPDATE lm_assignment SET due_at = ?, remind50_at = ?, "
                + "remind90_at = ?, next_step_at = ? WHERE complaint_id = ?")) {
                java.sql.Timestamp past = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60));
                for (int i = 1; i <= 4; i++) {
                    due.setTimestamp(i, past);
                }
                due.setLong(5, id);
                return due.executeUpdate();
            }
        });
        Awaitility.await("escalated to the region").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("\"escalated-region\""));
        ApiClient.Response answer = api.post(responses, regional, "{\"body\":\"Livraison demain, avec nos excuses.\"}");
        assertEquals(answer.toString(), 201, answer.status());
        String view = api.get(DEMO + "/complaints/" + id, null).raw.body();
        assertTrue(view, view.contains("Réponse officielle — région Sud-Est") && view.contains("Official response — Sud-Est region"));
        Awaitility.await("answered by the region").atMost(Duration.ofSeconds(60)).until(() ->
            api.get(DEMO + "/complaints/" + id + "/timeline", null).raw.body().contains("\"answered-region\""));
    }
}
