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

    /** The plugin's configuration, as an operator writes it, points at the test's SMTP server. */
    @Override
    protected Option[] extraOptions() {
        String port = String.valueOf(freePort());
        return new Option[] {
            editConfigurationFilePut("etc/org.entraide.localmanagers.cfg", "mail.smtp.uri", "smtp://127.0.0.1:" + port),
            editConfigurationFilePut("etc/org.entraide.localmanagers.cfg", "mail.from", "entraide@itest.example"),
            editConfigurationFilePut("etc/system.properties", SMTP_PORT, port)};
    }

    @Test
    public void aComplaintReachesTheStoreManagerWhoAnswersIt() throws Exception {
        try (SmtpReceiver smtp = new SmtpReceiver(Integer.parseInt(System.getProperty(SMTP_PORT)))) {
            routeAnswerAndMail(smtp);
        }
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

        // the mail route runs every 5 s: the manager's e-mail was queued with the assignment
        List<SmtpReceiver.Message> mails = smtp.await(1, Duration.ofSeconds(60));
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
}
